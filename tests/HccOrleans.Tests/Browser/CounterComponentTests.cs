using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>
/// The counter with components' electronic copies: three scanned at the counter, then for the same applicant's next
/// dossier one of them reused by reference (ticked from the list the ID number brings up) instead of scanned again.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class CounterComponentTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const string IdNumber = "048088765432";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task ThreeComponentsScanned_ThenOneReusedForTheNextDossier()
    {
        Engine.Clock.StartNextWeek();
        var page = await SignedInAsync(Officer.Subject, "officer", OneStop);

        await page.GotoAsync("/counter");
        await FillApplicantAsync(page);
        string[] scanned = ["Tờ khai đề nghị", "Bản sao CCCD", "Giấy xác nhận cư trú"];
        for (var i = 0; i < scanned.Length; i++)
        {
            await page.FillAsync($"#scan-name-{i}", scanned[i]);
            await page.SetInputFilesAsync($"#scan-file-{i}", new FilePayload { Name = $"scan-{i}.pdf", MimeType = "application/pdf", Buffer = Pdf(i) });
        }

        await page.ClickAsync("#receive-and-print");
        await Chromium.ArrivedAtAsync(page, new Regex("/slips/receipt"));
        var first = Code().Match(page.Url).Groups[1].Value;
        await page.GotoAsync($"/dossiers/{first}");
        await Expect(page.Locator("a.component-file")).ToHaveCountAsync(3);

        // The next dossier of the same applicant: the ID number brings up the three scans; one is ticked.
        await page.GotoAsync("/counter");
        await FillApplicantAsync(page);
        var earlier = page.Locator("#earlier-documents input[type=checkbox]");
        await Expect(earlier).ToHaveCountAsync(3);
        await page.Locator("#earlier-documents label", new() { HasTextString = "Bản sao CCCD" }).ClickAsync();
        await page.FillAsync("#scan-name-0", "Tờ khai đề nghị");
        await page.SetInputFilesAsync("#scan-file-0", new FilePayload { Name = "scan-new.pdf", MimeType = "application/pdf", Buffer = Pdf(9) });
        await ScreenshotAsync(page, "counter-components");
        await page.ClickAsync("#receive-and-print");
        await Chromium.ArrivedAtAsync(page, new Regex("/slips/receipt"));
        var second = Code().Match(page.Url).Groups[1].Value;

        using var director = await Engine.ClientAsync("director", ["director"], "");
        var firstDocuments = await DocumentsAsync(director, first);
        var secondDocuments = await DocumentsAsync(director, second);
        Assert.Equal(scanned, firstDocuments.Where(d => d.TryGetProperty("fileId", out _)).Select(d => d.GetProperty("name").GetString()));
        var card = firstDocuments.Single(d => d.GetProperty("name").GetString() == "Bản sao CCCD").GetProperty("fileId").GetGuid();
        var reused = Assert.Single(secondDocuments, d => d.TryGetProperty("reuse", out _));
        Assert.Equal(("Bản sao CCCD", card), (reused.GetProperty("name").GetString(), reused.GetProperty("reuse").GetGuid()));
        Assert.Single(secondDocuments, d => d.TryGetProperty("fileId", out _));
        Assert.Equal(3, firstDocuments.Count); // the listed "Tờ khai đề nghị" is the scanned one, not a fourth component
    }

    [Fact]
    public async Task ASignedScan_ShowsItsSignerOnTheDossierPage_AndAnAlteredOneDoesNotVerify()
    {
        Engine.Clock.StartNextWeek();
        var page = await SignedInAsync(Officer.Subject, "officer", OneStop);
        await page.GotoAsync("/counter");
        await FillApplicantAsync(page, "048088765433");
        var signed = SignedPdf.Create("Nguyễn Văn Ký");
        await page.FillAsync("#scan-name-0", "Tờ khai đề nghị");
        await page.SetInputFilesAsync("#scan-file-0", new FilePayload { Name = "signed.pdf", MimeType = "application/pdf", Buffer = signed });
        await page.FillAsync("#scan-name-1", "Giấy xác nhận cư trú");
        await page.SetInputFilesAsync("#scan-file-1", new FilePayload { Name = "altered.pdf", MimeType = "application/pdf", Buffer = SignedPdf.Altered(signed) });
        await page.ClickAsync("#receive-and-print");
        await Chromium.ArrivedAtAsync(page, new Regex("/slips/receipt"));
        var code = Code().Match(page.Url).Groups[1].Value;
        await page.GotoAsync($"/dossiers/{code}");

        // Only the dossier's own files are read: another file's id is not found through this dossier.
        var elsewhere = await page.APIRequest.GetAsync($"/dossiers/{code}?handler=Signatures&fileId={Guid.NewGuid()}");
        Assert.Equal(404, elsewhere.Status);
        var checks = page.Locator("button.signature-check");
        await Expect(checks).ToHaveCountAsync(2);
        await checks.First.ClickAsync();
        await Expect(page.Locator(".signatures").First).ToContainTextAsync("chữ ký hợp lệ");
        await Expect(page.Locator(".signatures").First).ToContainTextAsync("Nguyễn Văn Ký");
        await page.Locator("button.signature-check").First.ClickAsync();
        await Expect(page.Locator(".signatures").Nth(1)).ToContainTextAsync("chữ ký không hợp lệ");
        await Expect(page.Locator(".signatures").Nth(1)).ToContainTextAsync("đã bị thay đổi sau khi ký");
    }

    private static async Task FillApplicantAsync(IPage page, string idNumber = IdNumber)
    {
        await ChooseProcedureAsync(page, TestCatalogue.Standard);
        await page.FillAsync("#name", "Lê Thị Thu");
        await page.FillAsync("#id-number", idNumber);
        await page.Locator("#id-number").DispatchEventAsync("change");
        await page.FillAsync("#phone", "0905333444");
        await page.FillAsync("#documents", "Tờ khai đề nghị");
    }

    private static async Task<List<JsonElement>> DocumentsAsync(HttpClient director, string code) =>
        [.. (await director.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}")).GetProperty("documents").EnumerateArray()];

    private static byte[] Pdf(int n) => [.. GeneratedFileStream.PdfHead, .. System.Text.Encoding.ASCII.GetBytes($"1 0 obj << >> endobj % scan {n}\n%%EOF\n")];

    [GeneratedRegex("/api/dossiers/([^/]+)/slips/receipt")]
    private static partial Regex Code();
}
