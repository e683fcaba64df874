using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>The header's search box: a name typed without accents lists the dossiers; the receipt's QR code opens its dossier.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task ANameWithoutAccents_ListsTheDossiers_AndTheReceiptsQrCode_OpensItsDossier()
    {
        Engine.Clock.StartNextWeek();
        var first = await SubmitAsync(receive: true, TestCatalogue.Request(name: "Đỗ Văn Khoa"));
        var second = await SubmitAsync(receive: false, TestCatalogue.Request(name: "Đỗ Văn Khoa"));
        var page = await OfficerAsync();
        await page.GotoAsync("/queue");

        await page.FillAsync("#header-search", "do van khoa");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#search-results tbody tr[data-code='" + first + "']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#search-results tbody tr[data-code='" + second + "']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#search-results")).ToContainTextAsync("Đỗ Văn Khoa");
        await ScreenshotAsync(page, "search");

        // A scanner reads the receipt's QR code (the citizen's lookup address) into the box: the dossier opens.
        using var api = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop);
        var official = (await api.GetFromJsonAsync<DossierSnapshot>($"/api/dossiers/{first}", Engine.Json))!.OfficialCode!;
        await page.FillAsync("#header-search", $"{Engine.BaseAddress}lookup?code={Uri.EscapeDataString(official)}");
        await page.Keyboard.PressAsync("Enter");
        await Chromium.ArrivedAtAsync(page, new Regex($"/dossiers/{Regex.Escape(first)}$"));

        // Too short a word: the page says what to type.
        await page.FillAsync("#header-search", "do");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".alert-info")).ToContainTextAsync("ít nhất một từ");
    }
}
