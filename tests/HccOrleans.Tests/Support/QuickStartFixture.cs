using Microsoft.AspNetCore.Hosting;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The engine as the quick start opens it — the demo seed of Đà Nẵng city in 2026 with its morning of dossiers —
/// on a Monday morning of December 2026: the pages the README pictures.
/// </summary>
public sealed class QuickStartFixture() : BrowserEngine(Monday)
{
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));

    // The silo seeds itself before it serves (an Orleans startup task).
    protected override Task SeedAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoDossiers", "true");
    }
}

[CollectionDefinition(Name)]
public sealed class QuickStartCollection : ICollectionFixture<QuickStartFixture>
{
    public const string Name = "quick-start";
}
