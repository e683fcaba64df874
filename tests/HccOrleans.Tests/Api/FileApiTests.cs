namespace HccOrleans.Tests.Api;

/// <summary>Uploads over HTTP (the quick start's in-memory store): accepted types, their labels, and refusals naming why.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class FileApiTests(ApiFixture api) : ApiTestBase(api)
{
    private async Task<(HttpResponseMessage Response, JsonElement Body)> UploadAsync(HttpClient client, Stream content, string name, string? declared)
    {
        using var response = await client.PostAsync("/api/files", FileUploads.Part(content, name, declared));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    [Fact]
    public async Task AScan_IsStoredWithTheTypeReadFromItsContent_ItsSizeAndHash_AndComesBackByteForByte()
    {
        var officer = await OfficerAsync();
        using var scan = new GeneratedFileStream(300_000, GeneratedFileStream.PdfHead);

        var (created, file) = await UploadAsync(officer, scan, "to-khai.pdf", "application/pdf");
        var back = await (await SpecialistAsync()).GetByteArrayAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("application/pdf", 300_000L, scan.Sha256, "to-khai.pdf"),
            (file.GetProperty("mediaType").GetString(), file.GetProperty("size").GetInt64(), file.GetProperty("sha256").GetString(), file.GetProperty("name").GetString()));
        Assert.Equal(scan.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(back)));
    }

    [Theory]
    [InlineData("a PNG named as a PDF", "scan.pdf", null, "its name says application/pdf")]
    [InlineData("a PNG declared as a PDF", "scan", "application/pdf", "its declared type says application/pdf")]
    public async Task AMislabelledFile_Is400SayingWhatItClaimsAndWhatItIs(string _, string name, string? declared, string says)
    {
        using var png = new GeneratedFileStream(2_000, GeneratedFileStream.PngHead);

        var (response, problem) = await UploadAsync(await OfficerAsync(), png, name, declared);

        AssertProblem(response, problem, HttpStatusCode.BadRequest, "validation");
        var reason = problem.GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains(says, reason, StringComparison.Ordinal);
        Assert.Contains("its content is image/png", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFile_TextPassedOffAsAScan_AndABodyThatIsNotMultipart_Are400NamingFile()
    {
        var officer = await OfficerAsync();
        using var empty = new MemoryStream();
        using var text = new MemoryStream("Xin chào, đây không phải bản quét"u8.ToArray());

        var (none, noneProblem) = await UploadAsync(officer, empty, "rong.pdf", "application/pdf");
        var (words, wordsProblem) = await UploadAsync(officer, text, "scan.txt", "text/plain");
        using var raw = await officer.PostAsync("/api/files", new ByteArrayContent("%PDF-1.7"u8.ToArray()));
        var rawProblem = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("empty", noneProblem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not an accepted type", wordsProblem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", rawProblem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.All([none, words, raw], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task Upload_IsForTheDesksThatDigitise_ADirectorIs403_AnUnknownFileIs404()
    {
        using var scan = new GeneratedFileStream(1_000, GeneratedFileStream.PdfHead);
        var (forbidden, _) = await UploadAsync(await Api.ClientAsync("director", ["director"], ""), scan, "a.pdf", null);
        using var missing = await (await OfficerAsync()).GetAsync($"/api/files/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (forbidden.StatusCode, missing.StatusCode));
    }
}
