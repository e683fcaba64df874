using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// The staff search on real PostgreSQL (migration 0013's trigram-indexed search table): a dossier found by the
/// applicant's name typed without accents, by ID number, by official code and by the receipt's QR code; another
/// agency's staff find nothing of it; a word too short is refused.
/// </summary>
[Collection(PostgresAloneCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class StaffSearchTests(PostgresServer postgres)
{
    private const string Procedure = "9.000702.000.00.00.T";

    [Fact]
    public async Task ADossier_IsFoundByNameWithoutAccents_ByIdNumber_ByOfficialCode_AndByItsQrCode_WithinTheCallersAgency()
    {
        var connectionString = await postgres.CreateDatabaseAsync("search");
        await using var silo = new SiloProcess(connectionString, $"search-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using var engine = new EngineHttp(silo.BaseAddress);
        await engine.SeedAsync(Procedure, seconds: 48 * 3600);
        var khoa = TestCatalogue.Request(Procedure, name: "Đỗ Văn Khoa") with { Applicant = TestCatalogue.Request(name: "Đỗ Văn Khoa").Applicant with { IdNumber = "049190004323" } };
        var found = await engine.SendAsync(Officer, HttpMethod.Post, "/api/dossiers", khoa, HttpStatusCode.Created, Guid.NewGuid().ToString());
        await engine.SubmitAsync(Procedure);
        var received = await engine.ReceiveAsync(Officer, found.Code);
        var official = received.OfficialCode ?? received.Code;

        async Task<string[]> SearchAsync(Actor actor, string q) =>
            [.. (await engine.JsonAsync(actor, HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(q)}", null, HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()!)];

        Assert.Equal([found.Code], await SearchAsync(Officer, "do van khoa"));
        Assert.Equal([found.Code], await SearchAsync(Officer, "Đỗ Văn KHOA"));
        // Every word must be there; the total counts what was found in the same query.
        Assert.Empty(await SearchAsync(Officer, "khoa nguyen"));
        var page = await engine.JsonAsync(Officer, HttpMethod.Get, "/api/search?q=do%20van%20khoa", null, HttpStatusCode.OK);
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal([found.Code], await SearchAsync(Officer, "049190004323"));
        Assert.Equal([found.Code], await SearchAsync(Officer, official));
        Assert.Equal([found.Code], await SearchAsync(Officer, $"{silo.BaseAddress}lookup?code={Uri.EscapeDataString(official)}"));
        Assert.Equal([found.Code], await SearchAsync(new Actor($"specialist.{AgencyA}", [Role.Specialist], AgencyA), "khoa"));
        Assert.Empty(await SearchAsync(new Actor($"specialist.{AgencyB}", [Role.Specialist], AgencyB), "khoa"));
        var tooShort = await engine.JsonAsync(Officer, HttpMethod.Get, "/api/search?q=do", null, HttpStatusCode.BadRequest);
        Assert.Equal("validation", tooShort.GetProperty("rule").GetString());

        // The search text is written once per change, into its own table under a trigram index.
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var text = database.CreateCommand("SELECT search_text FROM hcc_dossier_search WHERE code = $1");
        text.Parameters.AddWithValue(found.Code);
        Assert.Equal($"{Unaccented.Fold(official)} {Unaccented.Fold(found.Code)} 049190004323 do van khoa", (string?)await text.ExecuteScalarAsync());
        await using var index = database.CreateCommand("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_hcc_dossier_search_text'");
        Assert.Contains("gin_trgm_ops", (string?)await index.ExecuteScalarAsync(), StringComparison.Ordinal);
    }
}
