using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>The counter in Chromium: an officer registers, receives and prints a receipt from the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class CounterTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task Counter_KeyboardOnly_ReceiptShowsThePreviewedAppointmentAfterOneKeyPress()
    {
        Engine.Clock.StartNextWeek();
        var page = await OfficerAsync();
        await page.GotoAsync("/counter");

        // Filling the form with the keyboard: the procedure list has the focus; the preview follows the choice.
        var keyboard = page.Keyboard;
        await Expect(page.Locator("#procedure")).ToBeFocusedAsync();
        await page.Locator("#procedure").PressAsync("ArrowDown");
        await Expect(page.Locator("#appointment")).ToBeVisibleAsync();
        var previewed = Appointment(await page.Locator("#appointment").InnerTextAsync());
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Nguyễn Thị Hoa");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("049190004321");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("0905111222");
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Tam Kỳ, Quảng Nam");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Tờ khai");

        // After filling: key presses to a printed receipt, as the page saw them (modifiers held are not presses).
        var typed = await KeyPressesAsync(page);
        await keyboard.PressAsync("Control+Enter");

        await page.WaitForURLAsync(new Regex("/slips/receipt"));
        Assert.Equal(1, await KeyPressesAsync(page) - typed);
        Assert.Equal(previewed, ReceiptInstant(await page.Locator("#appointment").InnerTextAsync()));
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__printed"));
        await Expect(page.Locator("body")).ToContainTextAsync("Nguyễn Thị Hoa");
        await ScreenshotAsync(page, "counter-receipt");
    }

    /// <summary>The keys pressed in this tab so far, counted by the page itself (kept across the receipt's navigation).</summary>
    private static Task<int> KeyPressesAsync(IPage page) => page.EvaluateAsync<int>("Number(sessionStorage.getItem('hcc-test-keys') ?? 0)");

    /// <summary>"17:00 21/01/2030" as the counter shows the appointment.</summary>
    private static (string Time, string Date) Appointment(string text) => ShortInstant().Match(text) is { Success: true } m ? ($"{m.Groups[1]}:{m.Groups[2]}", m.Groups[3].Value) : ("", text);

    /// <summary>"17 giờ 00 phút, ngày 21/01/2030" as the receipt writes it.</summary>
    private static (string Time, string Date) ReceiptInstant(string text) => FormInstant().Match(text) is { Success: true } m ? ($"{m.Groups[1]}:{m.Groups[2]}", m.Groups[3].Value) : ("", text);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"(\d{2}):(\d{2}) (\d{2}/\d{2}/\d{4})")]
    private static partial Regex ShortInstant();

    [GeneratedRegex(@"(\d{2}) giờ (\d{2}) phút, ngày (\d{2}/\d{2}/\d{4})")]
    private static partial Regex FormInstant();
}
