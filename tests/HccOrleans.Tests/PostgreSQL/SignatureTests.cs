namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// A signed scan on real PostgreSQL: a PDF signed in the test with a self-made certificate shows its signer and
/// verifies; a copy with one signed byte changed shows the same signer and does not verify; an unsigned PDF has none.
/// </summary>
[Collection(PostgresAloneCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class SignatureTests(PostgresServer postgres)
{
    [Fact]
    public async Task ASignedPdf_ShowsItsSigner_AndAnAlteredCopyDoesNotVerify()
    {
        var connectionString = await postgres.CreateDatabaseAsync("signatures");
        await using var silo = new SiloProcess(connectionString, $"signatures-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        using var officer = new HttpClient { BaseAddress = silo.BaseAddress };
        officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await http.TokenAsync(Officer));

        var signed = SignedPdf.Create("Nguyễn Thị Lan");
        var genuine = await SignaturesAsync(officer, await UploadAsync(officer, signed, "da-ky.pdf"));
        var altered = await SignaturesAsync(officer, await UploadAsync(officer, SignedPdf.Altered(signed), "da-sua.pdf"));
        var unsigned = await SignaturesAsync(officer, await UploadAsync(officer, [.. GeneratedFileStream.PdfHead, .. "1 0 obj << >> endobj\n%%EOF\n"u8.ToArray()], "chua-ky.pdf"));

        var good = Assert.Single(genuine);
        Assert.Equal(("Nguyễn Thị Lan", true), (good.GetProperty("signer").GetString(), good.GetProperty("verifies").GetBoolean()));
        var bad = Assert.Single(altered);
        Assert.Equal(("Nguyễn Thị Lan", false), (bad.GetProperty("signer").GetString(), bad.GetProperty("verifies").GetBoolean()));
        Assert.Equal("Nội dung tệp đã bị thay đổi sau khi ký.", bad.GetProperty("reason").GetString());
        Assert.Empty(unsigned);
    }

    private static async Task<Guid> UploadAsync(HttpClient officer, byte[] pdf, string name)
    {
        using var content = new MemoryStream(pdf);
        using var response = await officer.PostAsync("/api/files", FileUploads.Part(content, name, "application/pdf"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("fileId").GetGuid();
    }

    private static async Task<JsonElement[]> SignaturesAsync(HttpClient officer, Guid fileId) =>
        [.. (await officer.GetFromJsonAsync<JsonElement>($"/api/files/{fileId}/signatures")).GetProperty("items").EnumerateArray()];
}
