using System.Diagnostics;
using System.Net;
using HccOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// A silo with the API on a fresh database filled through SQL (the search and reports parts), and a browser-like
/// client signed in to it with a demo role.
/// </summary>
internal sealed class LoadedSilo : IAsyncDisposable
{
    private LoadedSilo(WebApplication app, HttpClient http, TimeSpan loaded) => (App, Http, Loaded) = (app, http, loaded);

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>How long the load took.</summary>
    public TimeSpan Loaded { get; }

    public static async Task<LoadedSilo> StartAsync(string database, Func<NpgsqlDataSource, Task> load, string role)
    {
        var app = await BenchSilo.StartAsync(database, EngineRound.Settings(GrainStorageSetup.GroupCommit));
        await QueueBenchmark.PutUnitsAsync(app.Services.GetRequiredService<IGrainFactory>());
        var loading = Stopwatch.StartNew();
        await using (var data = NpgsqlDataSource.Create(database))
        {
            await load(data);
        }

        var loaded = loading.Elapsed;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri(address) };
        await QueueBenchmark.SignInAsync(http, role);
        return new LoadedSilo(app, http, loaded);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
