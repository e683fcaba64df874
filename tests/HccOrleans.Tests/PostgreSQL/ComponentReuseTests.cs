using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// Components with their electronic copies on real PostgreSQL: scans uploaded for a dossier become the applicant's
/// documents, a later dossier reuses one by reference (the same file, nothing copied), another person's document is
/// refused, and the digitisation and reuse rates count them. Alone in its collection, like the other silo-process tests
/// added with it, so as not to starve the browser tests.
/// </summary>
[Collection(PostgresAloneCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class ComponentReuseTests(PostgresServer postgres)
{
    private const string Procedure = "9.000701.000.00.00.T";

    [Fact]
    public async Task ALaterDossier_ReusesAnEarlierScanByReference_AndAnotherPersonsIsRefused()
    {
        var connectionString = await postgres.CreateDatabaseAsync("reuse");
        await using var silo = new SiloProcess(connectionString, $"reuse-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 48 * 3600);
        using var officer = new HttpClient { BaseAddress = silo.BaseAddress };
        officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await http.TokenAsync(Officer));

        var form = await UploadAsync(officer, "to-khai.pdf");
        var card = await UploadAsync(officer, "cccd.pdf");
        var first = await SubmitAsync(officer, Request(Procedure) with
        {
            Documents = [new("Tờ khai", 1) { FileId = form, Original = true }, new("Bản sao CCCD", 1) { FileId = card, Original = false },
                new("Mẫu vật", 1) { Exempt = "cannot-be-scanned" }],
        });

        var earlier = await officer.GetFromJsonAsync<JsonElement>($"/api/citizens/{Request().Applicant.IdNumber}/documents");
        var documents = earlier.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([form, card], documents.Select(d => d.GetProperty("fileId").GetGuid()));
        Assert.All(documents, d => Assert.Equal((Officer.Subject, first.Code), (d.GetProperty("digitisedBy").GetString(), d.GetProperty("dossierCode").GetString())));

        // The second dossier reuses the card by reference and brings a new form: one more file, not two.
        var secondForm = await UploadAsync(officer, "to-khai-2.pdf");
        var second = await SubmitAsync(officer, Request(Procedure) with
        {
            Documents = [new("Tờ khai", 1) { FileId = secondForm }, new("Bản sao CCCD", 1) { Reuse = card }],
        });
        Assert.Equal(card, second.Documents.Single(d => d.Name == "Bản sao CCCD").Reuse);
        Assert.Equal(3L, await CountAsync(connectionString, "SELECT count(*) FROM hcc_file"));
        using (var download = await officer.GetAsync($"/api/files/{card}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        // Another person reusing the card, and a file that was never uploaded: refused, nothing registered.
        var stranger = Request(Procedure) with
        {
            Applicant = Request().Applicant with { IdNumber = "079188812345" },
            Documents = [new("Bản sao CCCD", 1) { Reuse = card }],
        };
        var (reusedStatus, reused) = await PostAsync(officer, stranger);
        var (missingStatus, missing) = await PostAsync(officer, Request(Procedure) with { Documents = [new("Tờ khai", 1) { FileId = Guid.NewGuid() }] });
        Assert.Equal(((HttpStatusCode)422, "reuse-not-the-applicants"), (reusedStatus, reused.GetProperty("rule").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.True(missing.GetProperty("errors").TryGetProperty("documents[0].fileId", out _), missing.ToString());
        Assert.Equal(2L, await CountAsync(connectionString, "SELECT count(*) FROM orleansstorage WHERE graintypestring = 'dossier'"));

        // Both received at the counter with every component digitised; one of them reuses.
        await http.ReceiveAsync(Officer, first.Code);
        await http.ReceiveAsync(Officer, second.Code);
        var today = DateTimeOffset.UtcNow;
        var kpi = await http.JsonAsync(Director, HttpMethod.Get,
            $"/api/reports/kpi?from={Uri.EscapeDataString(today.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(today.AddDays(1).ToString("O"))}", null, HttpStatusCode.OK);
        Assert.Equal((1m, 0.5m), (kpi.GetProperty("digitisationRate").GetDecimal(), kpi.GetProperty("reuseRate").GetDecimal()));
    }

    private static async Task<Guid> UploadAsync(HttpClient officer, string name)
    {
        using var scan = new MemoryStream([.. GeneratedFileStream.PdfHead, .. System.Text.Encoding.ASCII.GetBytes($"1 0 obj << >> endobj % {name}\n%%EOF\n")]);
        using var response = await officer.PostAsync("/api/files", FileUploads.Part(scan, name, "application/pdf"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("fileId").GetGuid();
    }

    private static async Task<DossierSnapshot> SubmitAsync(HttpClient officer, SubmissionRequest request)
    {
        var (status, body) = await PostAsync(officer, request);
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body.Deserialize<DossierSnapshot>(DevTokens.Json)!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient officer, SubmissionRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(request, options: DevTokens.Json) };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await officer.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
