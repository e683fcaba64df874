using System.Text.RegularExpressions;
using StbImageSharp;
using UglyToad.PdfPig;
using ZXing;

namespace HccOrleans.Tests.Browser;

/// <summary>The printed forms through Chromium's own printing: A4, one page, and a QR code that leads back to the dossier.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SlipTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task ReceiptSlip_PrintedToPdf_IsOneA4PageWithCodeDateAndAQrOfTheLookupUrl()
    {
        var monday = Engine.Clock.StartNextWeek();
        string code;
        var registration = await SubmitAsync(receive: true);
        using (var api = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop))
        {
            // The receipt carries the official code issued at receipt from the handling agency's ID, not the registration number.
            code = (await api.GetFromJsonAsync<DossierSnapshot>($"/api/dossiers/{registration}", Engine.Json))!.OfficialCode!;
        }

        Assert.StartsWith("000.00.97.H47-", code, StringComparison.Ordinal);
        var page = await OfficerAsync();
        await page.GotoAsync($"/api/dossiers/{code}/slips/receipt");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var sheet = document.GetPage(1);
        Assert.Equal((595, 842), ((int)Math.Round(sheet.Width), (int)Math.Round(sheet.Height)));
        var text = Regex.Replace(sheet.Text, @"\s+", "");
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains($"08giờ00phút,ngày{monday.AddDays(14):dd/MM/yyyy}", text, StringComparison.Ordinal);

        var qr = Assert.Single(sheet.GetImages());
        Assert.True(qr.TryGetPng(out var png), "the QR image is not extractable as PNG");
        var image = ImageResult.FromMemory([.. png], ColorComponents.RedGreenBlueAlpha);
        // The image is the code alone with its quiet zone. Searched for as in a photograph, ZXing misses about one
        // content in six of QRCoder's clean codes (2,580 of 15,000 lookup URLs tried), so the test failed by the port.
        var decoded = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = true } }
            .Decode(new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32));
        Assert.NotNull(decoded);
        Assert.Equal($"{Engine.BaseAddress.ToString().TrimEnd('/')}/lookup?code={code}", decoded.Text);
    }

    [Fact]
    public async Task EveryForm_OfADossierThatHasIt_PrintsWithItsNumberOfCircular032025AndItsDecree()
    {
        var monday = Engine.Clock.StartNextWeek();
        var refused = await SubmitAsync(receive: false);
        var extended = await SubmitAsync(receive: true);
        var withdrawn = await SubmitAsync(receive: true);
        using (var officer = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop))
        using (var specialist = await Engine.ClientAsync("s", ["specialist"], AgencyA))
        using (var leader = await Engine.ClientAsync("l", ["leader"], AgencyA))
        using (var portal = await Engine.ClientAsync("portal", ["portal"], ""))
        {
            await ActAsync(officer, refused, "refuse", new { reason = "Không thuộc thẩm quyền giải quyết", fileWith = "UBND xã Tam Xuân" });
            await ActAsync(specialist, extended, "request-supplement", new { reason = "Thiếu giấy tờ", items = new[] { "Bản vẽ", "Giấy phép" } });
            await ActAsync(officer, extended, "supplement", new { note = "Đã nộp" });
            await ActAsync(leader, extended, "propose-extension", new { reason = "Cần xác minh", newDueAt = monday.AddDays(21).AddHours(9) });
            await ActAsync(portal, withdrawn, "withdraw", new { reason = "Công dân đề nghị dừng để bổ sung giấy tờ khác" });
        }

        var page = await OfficerAsync();
        foreach (var (code, kind, number, words) in new[]
        {
            (refused, "refusal", "03", "đề nghị Ông/Bà nộp hồ sơ tại: UBND xã Tam Xuân"),
            (extended, "receipt", "01", "GIẤY TIẾP NHẬN HỒ SƠ"),
            (extended, "supplement-request", "02", "Bản vẽ"),
            (extended, "apology", "04", "Cần xác minh"),
            (extended, "control", "06", "Xin lỗi và đề nghị gia hạn"),
            (withdrawn, "stop", "05", "Theo đề nghị của Ông/Bà"),
            (withdrawn, "control", "06", "Rút hồ sơ (theo đề nghị của công dân)"),
        })
        {
            var response = await page.GotoAsync($"/api/dossiers/{code}/slips/{kind}");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator(".form-number")).ToHaveTextAsync(
                $"Mẫu số {number} — ban hành kèm theo Thông tư số 03/2025/TT-VPCP; hồ sơ giải quyết theo Nghị định số 118/2025/NĐ-CP");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(words);
        }

        await page.GotoAsync($"/api/dossiers/{withdrawn}/slips/stop");
        await ScreenshotAsync(page, "form-05-withdrawal");
        var missing = await page.GotoAsync($"/api/dossiers/{refused}/slips/receipt");
        Assert.Equal(404, missing!.Status);
        var logbook = await page.GotoAsync($"/api/units/{OneStop}/logbook?from={monday:yyyy-MM-dd}&to={monday.AddDays(7):yyyy-MM-dd}");
        Assert.Equal(200, logbook!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(extended);
        await Assertions.Expect(page.Locator(".form-number")).ToContainTextAsync("Mẫu số 07");
    }
}
