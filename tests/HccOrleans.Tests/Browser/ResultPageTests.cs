namespace HccOrleans.Tests.Browser;

/// <summary>
/// The leader issues the result document from the approval form: its fields and its signed copy, stored by the upload's
/// own rules; the dossier page then shows the document under the holder's code, and a refused file approves nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ResultPageTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task TheApprovalForm_IssuesTheResultDocumentWithItsSignedCopy()
    {
        Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true, TestCatalogue.Request(name: "Phan Văn Kết"));
        using (var specialist = await Engine.ClientAsync($"specialist.{AgencyA}", ["specialist"], AgencyA))
        {
            await ActAsync(specialist, code, "appraise", new { outcome = "eligible" });
        }

        var leader = await LeaderAsync();
        await leader.GotoAsync($"/dossiers/{code}");
        async Task FillAsync(ILocator form, FilePayload file)
        {
            await form.Locator("[name=resultName]").FillAsync("Giấy phép kinh doanh");
            await form.Locator("[name=resultType]").FillAsync("GP");
            await form.Locator("[name=resultSummary]").FillAsync("Cấp phép kinh doanh dịch vụ");
            await form.Locator("[name=resultValidFrom]").FillAsync("2030-01-15");
            await form.Locator("[name=resultFile]").SetInputFilesAsync(file);
        }

        // A PNG labelled as a PDF: refused by the upload's rules, and the dossier is not approved.
        var form = leader.Locator("#act-approve");
        await FillAsync(form, new FilePayload { Name = "giay-phep.pdf", MimeType = "application/pdf", Buffer = [.. GeneratedFileStream.PngHead, 1, 2, 3] });
        await form.Locator("button[data-action='approve']").ClickAsync();
        await Expect(leader.Locator(".alert-danger")).ToContainTextAsync("bản điện tử của kết quả");
        await Expect(leader.Locator("#status")).ToContainTextAsync("bước phê duyệt");

        var signed = SignedPdf.Create("Lãnh đạo Sở");
        await ActAsync(leader, "approve", f => FillAsync(f, new FilePayload { Name = "giay-phep.pdf", MimeType = "application/pdf", Buffer = signed }));
        var result = leader.Locator("#result-document");
        await Expect(result).ToContainTextAsync($"{TestCatalogue.Request().Applicant.IdNumber}.GP");
        await Expect(result).ToContainTextAsync("Giấy phép kinh doanh");
        await result.Locator("button.signature-check").ClickAsync();
        await Expect(result.Locator(".signatures")).ToContainTextAsync("Lãnh đạo Sở");

        using var staff = await Engine.ClientAsync("director", ["director"], "");
        using var download = await staff.GetAsync($"/api/dossiers/{code}/result");
        Assert.Equal(signed, await download.Content.ReadAsByteArrayAsync());
    }
}
