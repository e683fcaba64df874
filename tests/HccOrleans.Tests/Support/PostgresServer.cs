using Npgsql;

namespace HccOrleans.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL server for the suite: found with <c>pg_config --bindir</c>, initialised in a
/// temporary folder, listening on a free loopback port, removed on dispose. Each test takes its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"hcc-pg-{Guid.NewGuid():N}");
    private string _binaries = "";

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _binaries = (await Shell.RunAsync("pg_config", "--bindir")).Trim();
        Port = FreePorts.Next();
        Directory.CreateDirectory(_directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await Shell.RunAsync("chown", $"postgres {_directory}");
        }

        await Run(asRoot, "initdb", $"-D {_directory} -U postgres --auth=trust -E UTF8 --no-sync");
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Run(Environment.UserName == "root", "pg_ctl", $"-w -D {_directory} -m immediate stop");
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Stops the server as an operator would for maintenance (fast shutdown: sessions are cut, data is kept).</summary>
    public Task StopAsync() => Run(Environment.UserName == "root", "pg_ctl", $"-w -D {_directory} -m fast stop");

    /// <summary>Starts the server (again) on the same port and data; the suite's pooled connections to the old one are dropped.</summary>
    public async Task StartAsync()
    {
        await Run(Environment.UserName == "root", "pg_ctl", $"-w -D {_directory} -l {_directory}/server.log -o \"-h 127.0.0.1 -p {Port} -k {_directory} -c max_connections=400 -c fsync=off\" start");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40;Include Error Detail=true";

    private Task<string> Run(bool asPostgres, string tool, string arguments) => asPostgres
        ? Shell.RunAsync("runuser", $"-u postgres -- {_binaries}/{tool} {arguments}")
        : Shell.RunAsync($"{_binaries}/{tool}", arguments);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

internal static class Shell
{
    public static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
