using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>
/// The counter in Chromium with a province's catalogue (1,500 generated procedures beside the real ones): the procedure
/// is found by a few letters without accents, its checklist and fee fill in, Enter moves on instead of submitting, a
/// receipt missing a required component is refused, and a whole entry is counted key by key on the real keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class CounterTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: three required components and a fee at submission.</summary>
    public const string CriminalRecord = "2.001418.000.00.00.T";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task AWholeEntry_TakesAtMost70Keys_TheProcedureFoundInAtMost8_AndTheReceiptShowsThePreviewedAppointment()
    {
        Engine.Clock.StartNextWeek();
        await ProvinceCatalogue.SeedAsync(Engine);
        var page = await OfficerAsync();
        await page.GotoAsync("/counter");
        await Expect(page.Locator("#procedure-search")).ToBeFocusedAsync();
        var keyboard = page.Keyboard;
        var before = await KeyPressesAsync(page);

        // "ly lich" and Enter: the procedure, found without accents among 1,500 others.
        await keyboard.TypeAsync("ly lich");
        await Expect(page.Locator("#procedure-options [role=option]").First).ToContainTextAsync("lý lịch tư pháp");
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator("#name")).ToBeFocusedAsync();
        Assert.True(await KeyPressesAsync(page) - before <= 8, $"the procedure took {await KeyPressesAsync(page) - before} keys");
        Assert.Equal(CriminalRecord, await page.Locator("#procedure").InputValueAsync());

        // The checklist and the fee come from the catalogue; the appointment follows the choice.
        await Expect(page.Locator("#components input[type=checkbox]:checked")).ToHaveCountAsync(3);
        await Expect(page.Locator("#fee-due")).ToHaveTextAsync("200.000 đồng");
        await Expect(page.Locator("#appointment")).ToBeVisibleAsync();
        var previewed = Appointment(await page.Locator("#appointment").InnerTextAsync());

        // Enter moves on: in the phone field it submits nothing.
        await keyboard.TypeAsync("Tran Thi Binh");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("049190004321");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("0905111222");
        await keyboard.PressAsync("Enter");
        Assert.Contains("/counter", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#review")).ToContainTextAsync("Tran Thi Binh · CCCD 049190004321 · ĐT 0905111222 · 3 thành phần · phí 200.000 đồng");

        await keyboard.PressAsync("Control+Enter");
        await Chromium.ArrivedAtAsync(page, new Regex("/slips/receipt"));
        var keys = await KeyPressesAsync(page) - before;
        Assert.True(keys <= 70, $"the entry took {keys} keys");
        Assert.Equal(previewed, ReceiptInstant(await page.Locator("#appointment").InnerTextAsync()));
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__printed"));
        await Expect(page.Locator("body")).ToContainTextAsync("Tran Thi Binh");
        await ScreenshotAsync(page, "counter-receipt");
    }

    [Fact]
    public async Task AReceiptWithoutARequiredComponent_IsRefused_UntilTheOfficerSaysWhy()
    {
        Engine.Clock.StartNextWeek();
        await ProvinceCatalogue.SeedAsync(Engine);
        var page = await OfficerAsync();
        await page.GotoAsync("/counter");
        await page.Locator("#procedure-search").PressSequentiallyAsync("phieu ly lich");
        await Expect(page.Locator("#procedure-options [role=option]").First).ToContainTextAsync("lý lịch tư pháp");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#components input[type=checkbox]")).ToHaveCountAsync(3);
        await page.Locator("#components label", new() { HasTextString = "Bản sao CCCD" }).ClickAsync();
        await page.FillAsync("#name", "Lê Văn Thiếu");
        await page.FillAsync("#id-number", "049190004322");
        await page.FillAsync("#phone", "0905111333");
        await page.Keyboard.PressAsync("Control+Enter");

        // Refused, nothing registered, the typed values kept, the cursor on the reason.
        await Expect(page.Locator("#components-error")).ToContainTextAsync("Thiếu thành phần bắt buộc: Bản sao CCCD");
        await Expect(page.Locator("#missing-reason")).ToBeFocusedAsync();
        await Expect(page.Locator("#name")).ToHaveValueAsync("Lê Văn Thiếu");
        await Expect(page.Locator("#components input[type=checkbox]:checked")).ToHaveCountAsync(2);
        using var director = await Engine.ClientAsync("director", ["director"], "");
        var listed = await director.GetFromJsonAsync<JsonElement>($"/api/dossiers?procedure={CriminalRecord}&pageSize=100");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), d => d.GetProperty("applicantName").GetString() == "Lê Văn Thiếu");

        await page.FillAsync("#missing-reason", "Công dân dùng CCCD gắn chip, đã tra cứu trên cơ sở dữ liệu dân cư");
        await page.Keyboard.PressAsync("Control+Enter");
        await Chromium.ArrivedAtAsync(page, new Regex("/slips/receipt"));
        var code = Code().Match(page.Url).Groups[1].Value;
        var dossier = await director.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
        Assert.Contains("Tiếp nhận khi thiếu Bản sao CCCD: Công dân dùng CCCD gắn chip", dossier.GetProperty("log")[1].GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCccdQrCode_FillsTheApplicant_InOneScan()
    {
        Engine.Clock.StartNextWeek();
        await ProvinceCatalogue.SeedAsync(Engine);
        var page = await OfficerAsync();
        await page.GotoAsync("/counter");
        // A scanner types the card's QR line as one burst into its field.
        await page.Locator("#cccd-qr").FillAsync("049190004323|201234567|Đỗ Văn Khoa|01011990|Nam|12 Phan Châu Trinh, Tam Kỳ, Quảng Nam|15082021");
        await Expect(page.Locator("#id-number")).ToHaveValueAsync("049190004323");
        await Expect(page.Locator("#name")).ToHaveValueAsync("Đỗ Văn Khoa");
        await Expect(page.Locator("#address")).ToHaveValueAsync("12 Phan Châu Trinh, Tam Kỳ, Quảng Nam");
        await Expect(page.Locator("#phone")).ToBeFocusedAsync();

        // The README's picture: the checklist of the procedure chosen, and the picker open again over it.
        await page.Locator("#procedure-search").PressSequentiallyAsync("ly lich");
        await Expect(page.Locator("#procedure-options [role=option]").First).ToContainTextAsync("lý lịch tư pháp");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#components input[type=checkbox]:checked")).ToHaveCountAsync(3);
        await page.Locator("#procedure-search").FillAsync("ly lich tu");
        await Expect(page.Locator("#procedure-options")).ToBeVisibleAsync();
        await Expect(page.Locator("#procedure-options")).ToHaveAttributeAsync("data-query", "ly lich tu");
        await ScreenshotAsync(page, "counter-picker");
    }

    /// <summary>The keys pressed in this tab so far, counted by the page itself (kept across the receipt's navigation).</summary>
    private static Task<int> KeyPressesAsync(IPage page) => page.EvaluateAsync<int>("Number(sessionStorage.getItem('hcc-test-keys') ?? 0)");

    /// <summary>"17:00 21/01/2030" as the counter shows the appointment.</summary>
    private static (string Time, string Date) Appointment(string text) => ShortInstant().Match(text) is { Success: true } m ? ($"{m.Groups[1]}:{m.Groups[2]}", m.Groups[3].Value) : ("", text);

    /// <summary>"17 giờ 00 phút, ngày 21/01/2030" as the receipt writes it.</summary>
    private static (string Time, string Date) ReceiptInstant(string text) => FormInstant().Match(text) is { Success: true } m ? ($"{m.Groups[1]}:{m.Groups[2]}", m.Groups[3].Value) : ("", text);

    [GeneratedRegex(@"(\d{2}):(\d{2}) (\d{2}/\d{2}/\d{4})")]
    private static partial Regex ShortInstant();

    [GeneratedRegex(@"(\d{2}) giờ (\d{2}) phút, ngày (\d{2}/\d{2}/\d{4})")]
    private static partial Regex FormInstant();

    [GeneratedRegex(@"/api/dossiers/([^/]+)/slips")]
    private static partial Regex Code();
}
