using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>Work queues in Chromium: filter, sort, named views shared by a role, and rows that arrive by themselves.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class QueueTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task Queue_FilterSortSavedViewAndServerPush_WorkForTheOfficersRole()
    {
        Engine.Clock.StartNextWeek();
        var unique = Guid.NewGuid().ToString("N")[..6];
        var first = await SubmitAsync(receive: false, Request(name: $"Lê Văn Tâm {unique}"));
        var second = await SubmitAsync(receive: false, Request(name: $"Phạm Thị Mai {unique}"));
        var page = await OfficerAsync();
        await page.GotoAsync("/queue/to-receive");
        await Expect(page.Locator($"tr[data-code='{first}']")).ToBeVisibleAsync();
        var tabCount = page.Locator("#queue-tabs a[href='/queue/to-receive'] .badge");
        var counted = int.Parse(await tabCount.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // A dossier submitted now shows up in the open queue without a reload, and the tab's count follows. The page
        // hears of changes only once its stream is subscribed: submitting before that would test the race, not the push.
        await Expect(page.Locator("body[data-live-ready='on']")).ToHaveCountAsync(1);
        var third = await SubmitAsync(receive: false, Request(name: $"Võ Minh Khang {unique}"));
        await Expect(page.Locator($"tr[data-code='{third}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(tabCount).ToHaveTextAsync((counted + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });

        await page.FillAsync("#q", $"Mai {unique}");
        await page.PressAsync("#q", "Enter");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator($"tr[data-code='{second}']")).ToBeVisibleAsync();
        Assert.Contains($"q=Mai", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#q", unique);
        await page.PressAsync("#q", "Enter");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        await page.ClickAsync("th a:has-text('Mã hồ sơ')");
        await Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Mã hồ sơ");
        await Expect(page.Locator("tbody tr").First).ToHaveAttributeAsync("data-code", first);
        await page.ClickAsync("th a:has-text('Mã hồ sơ')");
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Mã hồ sơ");
        await Expect(page.Locator("tbody tr").First).ToHaveAttributeAsync("data-code", third);

        await page.FillAsync("#view-name", $"Mới nhận {unique}");
        await page.ClickAsync("form:has(#view-name) button[type=submit]");
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã lưu bộ lọc");

        // Another officer sees the view, and it brings back the same filter and order.
        var colleague = await SignedInAsync("officer.two", "officer", OneStop);
        await colleague.GotoAsync("/queue/to-receive");
        await colleague.ClickAsync($"a:has-text('Mới nhận {unique}')");
        await Expect(colleague.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(colleague.Locator("tbody tr").First).ToHaveAttributeAsync("data-code", third);
        await colleague.ClickAsync($"button[aria-label='Xoá bộ lọc Mới nhận {unique}']");
        await Expect(colleague.Locator($"a:has-text('Mới nhận {unique}')")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_WithATokenOfTheIssuer_OpensTheCookieSessionAndABadTokenIsRefused()
    {
        using var anonymous = new HttpClient { BaseAddress = Engine.BaseAddress };
        var issued = await anonymous.PostAsJsonAsync("/api/dev/token", new { sub = "token.officer", roles = new[] { "officer" }, agency = OneStop });
        var token = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var page = await NewPageAsync();

        await page.GotoAsync("/signin?returnUrl=/queue");
        await page.FillAsync("#token", token[..^4] + "AAAA");
        await page.ClickAsync("form:has(#token) button[type=submit]");
        await Expect(page.Locator(".alert-danger")).ToContainTextAsync("không hợp lệ");

        await page.FillAsync("#token", token);
        await page.ClickAsync("form:has(#token) button[type=submit]");
        await Chromium.ArrivedAtAsync(page, new Regex("/queue/to-receive$"));
        await Expect(page.Locator(".user-badge")).ToContainTextAsync("token.officer");
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "hcc.session");
        Assert.True(cookie.HttpOnly);
    }
}
