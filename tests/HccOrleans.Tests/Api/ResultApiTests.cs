namespace HccOrleans.Tests.Api;

/// <summary>
/// Electronic results through the API: approval issues the result document under the holder's code, staff download
/// its copy, a correction replaces the file and keeps the old one listed, and the citizen's lookup says where it is.
/// On an engine of its own: the lookup's per-address limit is shared by every test of an engine.
/// </summary>
[Trait("Category", "Api")]
public sealed class ResultApiTests(ApiFixture api) : ApiTestBase(api), IClassFixture<ApiFixture>
{
    private const string Holder = "049190004321";

    [Fact]
    public async Task Approval_IssuesTheResultDocument_StaffDownloadIt_AndACorrectionReplacesItsFile()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await ReadyForApprovalAsync(officer);
        var leader = await LeaderAsync();
        var licence = await UploadAsync(officer, "giay-phep.pdf");

        // Bad input first: a file never stored, a validity that ends before it starts.
        var (unknownFile, unknownBody) = await PostAsync(leader, $"/api/dossiers/{code}/approve", Approval(Guid.NewGuid()));
        AssertProblem(unknownFile, unknownBody, HttpStatusCode.BadRequest);
        Assert.True(unknownBody.GetProperty("errors").TryGetProperty("result.fileId", out _));
        var (reversed, reversedBody) = await PostAsync(leader, $"/api/dossiers/{code}/approve",
            new { note = "Đồng ý", result = new { documentName = "Giấy phép", resultType = "GP", summary = "x", validFrom = "2030-02-01", validTo = "2030-01-01", fileId = licence } });
        AssertProblem(reversed, reversedBody, HttpStatusCode.BadRequest);

        var (approved, dossier) = await PostAsync(leader, $"/api/dossiers/{code}/approve", Approval(licence));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // The applicant gave an email, but this engine has no SMTP server: nothing is written for the citizen.
        var (_, outbox) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, $"/api/notifications?dossier={code}");
        Assert.DoesNotContain(outbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("recipientRole").GetString() == "citizen");
        var result = dossier.GetProperty("result");
        Assert.Equal(($"{Holder}.GP", "Giấy phép kinh doanh dịch vụ lữ hành", Holder, "Trần Thị Bình", $"leader.{AgencyA}", licence),
            (result.GetProperty("documentCode").GetString(), result.GetProperty("documentName").GetString(), result.GetProperty("holderIdNumber").GetString(),
                result.GetProperty("holderName").GetString(), result.GetProperty("signer").GetString(), result.GetProperty("fileId").GetGuid()));
        Assert.Equal(("2030-01-15", "2035-01-14", false), (result.GetProperty("validFrom").GetString(), result.GetProperty("validTo").GetString(), result.GetProperty("electronicOnly").GetBoolean()));

        using (var download = await officer.GetAsync($"/api/dossiers/{code}/result"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf("giay-phep.pdf"), await download.Content.ReadAsByteArrayAsync());
        }

        using (var anonymous = await Api.CreateClient().GetAsync($"/api/dossiers/{code}/result"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // The citizen's lookup says where the result is (no portal adapter here: kept at the agency, paper at the counter).
        var (_, lookup) = await SendAsync(Api.CreateClient(), HttpMethod.Get, $"/api/lookup?code={code}&idNumber={Holder}");
        Assert.Contains($"mã giấy tờ {Holder}.GP", lookup.GetProperty("resultDelivery").GetString(), StringComparison.Ordinal);
        Assert.Contains("bộ phận một cửa", lookup.GetProperty("resultDelivery").GetString(), StringComparison.Ordinal);

        // Returned, found wrong, corrected with a new file: the old one stays listed and the log names the new.
        await PostAsync(officer, $"/api/dossiers/{code}/return", new { method = "counter" });
        var corrected = await UploadAsync(officer, "giay-phep-dinh-chinh.pdf");
        var (correction, correctedDossier) = await PostAsync(officer, $"/api/dossiers/{code}/correct-result", new { reason = "Sai ngày sinh", fileId = corrected });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        var replaced = correctedDossier.GetProperty("result");
        Assert.Equal((corrected, licence), (replaced.GetProperty("fileId").GetGuid(), replaced.GetProperty("replacedFiles")[0].GetGuid()));
        Assert.Contains(corrected.ToString(), correctedDossier.GetProperty("log").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);

        // The same holder's second result of the type takes the next number; the KPI counts electronic results.
        var second = await ReadyForApprovalAsync(officer);
        var (_, secondDossier) = await PostAsync(leader, $"/api/dossiers/{second}/approve", Approval(await UploadAsync(officer, "giay-phep-2.pdf")));
        Assert.Equal($"{Holder}.GP.2", secondDossier.GetProperty("result").GetProperty("documentCode").GetString());
        var director = await Api.ClientAsync("director", ["director"], "");
        var (_, kpi) = await SendAsync(director, HttpMethod.Get, $"/api/reports/kpi?from={Instant(monday)}&to={Instant(monday.AddDays(7))}");
        Assert.Equal(1m, kpi.GetProperty("electronicResultRate").GetDecimal());
    }

    private static object Approval(Guid fileId) => new
    {
        note = "Đồng ý cấp",
        result = new
        {
            documentName = "Giấy phép kinh doanh dịch vụ lữ hành", resultType = "GP", summary = "Cấp phép kinh doanh lữ hành nội địa",
            validFrom = "2030-01-15", validTo = "2035-01-14", scope = "Toàn quốc", fileId,
        },
    };

    private async Task<string> ReadyForApprovalAsync(HttpClient officer)
    {
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        return code;
    }

    private static byte[] Pdf(string name) => [.. GeneratedFileStream.PdfHead, .. System.Text.Encoding.ASCII.GetBytes($"1 0 obj << >> endobj % {name}\n%%EOF\n")];

    private static async Task<Guid> UploadAsync(HttpClient client, string name)
    {
        using var content = new MemoryStream(Pdf(name));
        using var response = await client.PostAsync("/api/files", FileUploads.Part(content, name, "application/pdf"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("fileId").GetGuid();
    }
}
