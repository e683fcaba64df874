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
        var code = await SubmitAsync(receive: true);
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
        var decoded = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } }
            .Decode(new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32));
        Assert.NotNull(decoded);
        Assert.Equal($"{Engine.BaseAddress.ToString().TrimEnd('/')}/lookup?code={code}", decoded.Text);
    }

    [Fact]
    public async Task EveryForm_OfADossierThatHasIt_PrintsWithItsNumberOfCircular032025()
    {
        var monday = Engine.Clock.StartNextWeek();
        var refused = await SubmitAsync(receive: false);
        var stopped = await SubmitAsync(receive: true);
        using (var officer = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop))
        using (var specialist = await Engine.ClientAsync("s", ["specialist"], AgencyA))
        using (var leader = await Engine.ClientAsync("l", ["leader"], AgencyA))
        {
            await ActAsync(officer, refused, "refuse", new { reason = "Không thuộc thẩm quyền giải quyết" });
            await ActAsync(specialist, stopped, "request-supplement", new { reason = "Thiếu giấy tờ", items = new[] { "Bản vẽ", "Giấy phép" } });
            await ActAsync(officer, stopped, "supplement", new { note = "Đã nộp" });
            await ActAsync(leader, stopped, "apologize", new { reason = "Cần xác minh", newDueAt = monday.AddDays(20).AddHours(9) });
            await ActAsync(leader, stopped, "stop", new { reason = "Công trình không phù hợp quy hoạch" });
        }

        var page = await OfficerAsync();
        foreach (var (code, kind, number, words) in new[]
        {
            (refused, "refusal", "03", "Không thuộc thẩm quyền giải quyết"),
            (stopped, "receipt", "01", "GIẤY TIẾP NHẬN HỒ SƠ"),
            (stopped, "supplement-request", "02", "Bản vẽ"),
            (stopped, "apology", "04", "Cần xác minh"),
            (stopped, "stop", "05", "Công trình không phù hợp quy hoạch"),
            (stopped, "control", "06", "Dừng giải quyết hồ sơ"),
        })
        {
            var response = await page.GotoAsync($"/api/dossiers/{code}/slips/{kind}");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator(".form-number")).ToHaveTextAsync($"Mẫu số {number} — ban hành kèm theo Thông tư số 03/2025/TT-VPCP");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(words);
        }

        var missing = await page.GotoAsync($"/api/dossiers/{refused}/slips/receipt");
        Assert.Equal(404, missing!.Status);
        var logbook = await page.GotoAsync($"/api/units/{OneStop}/logbook?from={monday:yyyy-MM-dd}&to={monday.AddDays(7):yyyy-MM-dd}");
        Assert.Equal(200, logbook!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(stopped);
        await Assertions.Expect(page.Locator(".form-number")).ToContainTextAsync("Mẫu số 07");
    }
}
