using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Silo.Hosting;

namespace HccOrleans.Silo;

/// <summary>Silo, API and dashboard in one process.</summary>
public sealed class SiloProgram
{
    private SiloProgram()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        if (args is ["rebuild-index", ..])
        {
            return await RebuildIndexAsync(args[1..]);
        }

        if (args is ["create-admin", ..])
        {
            return await FirstAdministrator.RunAsync(args[1..]);
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.AddHccSilo();
        builder.AddHccApi();

        var app = builder.Build();
        app.MapHccApi();
        app.MapHccDashboard();
        await app.RunAsync();
        return 0;
    }

    /// <summary><c>dotnet run --project src/Silo -- rebuild-index</c>: recompute the PostgreSQL dossier index from grain state.</summary>
    private static async Task<int> RebuildIndexAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        if (configuration.GetConnectionString("Hcc") is not { Length: > 0 } connectionString)
        {
            await Console.Error.WriteLineAsync("rebuild-index needs ConnectionStrings__Hcc (or --ConnectionStrings:Hcc=...): the in-memory index has nothing to rebuild from.");
            return 2;
        }

        await using var database = Npgsql.NpgsqlDataSource.Create(connectionString);
        var (dossiers, escalations) = await HccOrleans.Persistence.IndexRebuilder.RebuildAsync(database, Providers.DossierIndexRows.Instance);
        Console.WriteLine($"Index rebuilt from grain state: {dossiers} dossiers, {escalations} escalations.");
        return 0;
    }
}
