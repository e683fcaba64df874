using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// Uploads into PostgreSQL through the engine on a real port, in this process so that its managed heap can be watched:
/// a 25 MB scan never sits whole in memory, is stored byte for byte, and a file over the limit leaves nothing behind.
/// Alone in its collection, so that no other test's allocations are counted.
/// </summary>
[Collection(PostgresAloneCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class FileStorageTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const long Limit = 26L << 20;

    [Fact]
    public async Task A25MbScan_StreamsIntoPostgreSql_WithTheHeapGrowingUnder10Mb_AndALargerOneIsRefusedLeavingNothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync("files");
        await using var engine = new Engine(connectionString);
        using var officer = await DevTokens.SignedInAsync(new HttpClient { BaseAddress = engine.BaseAddress, Timeout = TimeSpan.FromMinutes(2) }, "officer.one", ["officer"], "");

        // The live heap, after a full collection, each time the client has sent another MiB: the engine is reading
        // and storing the upload meanwhile, so a server that held it whole would show it here.
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var highest = baseline;
        using var scan = new GeneratedFileStream(25_000_000, GeneratedFileStream.PdfHead,
            eachMebibyte: () => highest = Math.Max(highest, GC.GetTotalMemory(forceFullCollection: true)));
        using var created = await officer.PostAsync("/api/files", FileUploads.Part(scan, "ho-so-quet.pdf", "application/pdf"));
        var growth = highest - baseline;
        var file = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        output.WriteLine($"25 MB upload: managed heap grew at most {growth / 1024.0 / 1024.0:F1} MB (live objects after a full collection, at every MiB sent)");

        Assert.True(created.StatusCode == HttpStatusCode.Created, file.ToString());
        Assert.True(growth < 10L << 20, $"the heap grew {growth:N0} bytes during the upload");
        Assert.Equal((25_000_000L, scan.Sha256), (file.GetProperty("size").GetInt64(), file.GetProperty("sha256").GetString()));
        Assert.Equal(scan.Sha256, await StoredHashAsync(connectionString, file.GetProperty("fileId").GetGuid()));

        using var larger = new GeneratedFileStream(Limit + 1, GeneratedFileStream.PdfHead);
        using var refused = await officer.PostAsync("/api/files", FileUploads.Part(larger, "qua-lon.pdf", "application/pdf"));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Files:MaxBytes", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((1L, 24L), await CountsAsync(connectionString));
    }

    /// <summary>The SHA-256 of the chunks PostgreSQL holds, in order: what is stored, not what the engine says.</summary>
    private static async Task<string> StoredHashAsync(string connectionString, Guid fileId)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT data FROM hcc_file_chunk WHERE file_id = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = fileId });
        await using var reader = await command.ExecuteReaderAsync();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        while (await reader.ReadAsync())
        {
            hash.AppendData(reader.GetFieldValue<byte[]>(0));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<(long Files, long Chunks)> CountsAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT (SELECT count(*) FROM hcc_file), (SELECT count(*) FROM hcc_file_chunk)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The co-hosted engine on PostgreSQL and a real loopback port, files limited to 26 MiB.</summary>
    private sealed class Engine : WebApplicationFactory<HccOrleans.Silo.SiloProgram>
    {
        private readonly string _connectionString;

        public Engine(string connectionString)
        {
            _connectionString = connectionString;
            UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
            StartServer();
        }

        public int Port { get; } = FreePorts.Next();

        public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            EngineHost.Isolated(builder, "Development");
            builder.UseSetting("ConnectionStrings:Hcc", _connectionString);
            builder.UseSetting("Files:MaxBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>A PostgreSQL server for tests that must run with nothing else running in the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresAloneCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres-alone";
}
