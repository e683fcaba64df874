using System.Text.RegularExpressions;
using HccOrleans.Api.Accounts;

namespace HccOrleans.Tests.Browser;

/// <summary>Staff accounts in the browser: passwords the administrator sets, lockout, and TOTP for directors.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const string Password = "mat-khau-cua-can-bo-2026";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private async Task EnterAsync(string userName, string fullName, string unit, params string[] roles)
    {
        using var admin = await Engine.ClientAsync("admin", ["admin"], "");
        (await admin.PutAsJsonAsync($"/api/people/{userName}", new { fullName, unit, roles, active = true }, Engine.Json)).EnsureSuccessStatusCode();
        await SetPasswordAsync(userName, Password);
    }

    private string CodeAt(string key, int stepsFromNow = 0) => Totp.Code(Totp.KeyOf(key)!, Totp.StepAt(Engine.Clock.GetUtcNow()) + stepsFromNow);

    [Fact]
    public async Task Administrator_AddsAPersonWithAPassword_WhoSignsInAndLandsOnTheirWork()
    {
        var admin = await SignedInAsync("admin", "admin", "");
        await admin.GotoAsync("/people");
        await admin.FillAsync("#userName", "khoa.specialist");
        await admin.FillAsync("#fullName", "Đỗ Văn Khoa");
        await admin.SelectOptionAsync("#unit", AgencyA);
        await admin.CheckAsync("#role-specialist");
        await admin.FillAsync("#password", Password);
        await admin.ClickAsync("#person-form button[type=submit]");
        await Expect(admin.Locator("#people tr[data-user='khoa.specialist']")).ToContainTextAsync("Đỗ Văn Khoa");

        var page = await NewPageAsync();
        await Chromium.PasswordAsync(page, "khoa.specialist", Password);

        await Expect(page).ToHaveURLAsync(new Regex("/queue/mine$"));
        await Expect(page.Locator("nav .nav-link.active")).ToContainTextAsync("Việc của tôi");
        await Expect(page.Locator(".user-badge")).ToContainTextAsync("khoa.specialist");
    }

    [Fact]
    public async Task APersonMadeInactive_IsSignedOutOnTheirNextPage_AndCannotSignInAgain()
    {
        await EnterAsync("leaving.specialist", "Tạ Văn Nghỉ", AgencyA, "specialist");
        var page = await NewPageAsync();
        await Chromium.PasswordAsync(page, "leaving.specialist", Password);
        await Expect(page).ToHaveURLAsync(new Regex("/queue/mine$"));

        using var admin = await Engine.ClientAsync("admin", ["admin"], "");
        (await admin.PutAsJsonAsync("/api/people/leaving.specialist", new { fullName = "Tạ Văn Nghỉ", unit = AgencyA, roles = new[] { "specialist" }, active = false }, Engine.Json))
            .EnsureSuccessStatusCode();
        await page.GotoAsync("/queue/mine");

        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await Chromium.PasswordAsync(page, "leaving.specialist", Password);
        await Expect(page.Locator(".alert-danger")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedAndCounted_AndTheAccountLocksAfterTheConfiguredAttempts()
    {
        await EnterAsync("lock.specialist", "Lý Thị Khoá", AgencyA, "specialist");
        var page = await NewPageAsync();

        await Chromium.PasswordAsync(page, "lock.specialist", "sai-mat-khau-lan-1");
        await Expect(page.Locator(".alert-danger")).ToContainTextAsync($"không đúng. Còn {BrowserFixture.MaxFailedAttempts - 1} lần thử");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        for (var attempt = 2; attempt <= BrowserFixture.MaxFailedAttempts; attempt++)
        {
            await Chromium.PasswordAsync(page, "lock.specialist", $"sai-mat-khau-lan-{attempt}");
        }

        await Expect(page.Locator(".alert-danger")).ToContainTextAsync("tạm khoá");
        // Locked: even the right password opens nothing now.
        await Chromium.PasswordAsync(page, "lock.specialist", Password);
        await Expect(page.Locator(".alert-danger")).ToContainTextAsync("tạm khoá");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        // An unknown user name reads like a wrong password: nothing says which accounts exist.
        await Chromium.PasswordAsync(page, "no.such.person", Password);
        await Expect(page.Locator(".alert-danger")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task ADirector_NeedsTotp_SetUpAtFirstSignIn_AndACodeReplayedOrOutOfWindowIsRefused()
    {
        Engine.Clock.StartNextWeek();
        await EnterAsync("giam.doc", "Hoàng Văn Đốc", "", "director");
        var page = await NewPageAsync();

        await Chromium.PasswordAsync(page, "giam.doc", Password);
        await Expect(page).ToHaveURLAsync(new Regex("/signin/code"));
        var key = await page.Locator("#enrolment-key").InnerTextAsync();
        await Expect(page.Locator("#enrolment img")).ToBeVisibleAsync();
        var first = CodeAt(key);
        await page.FillAsync("#code", first);
        await page.ClickAsync("#code-form button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/queue/overdue$"));

        // The next sign-in asks for a code again, and no longer shows the key.
        var again = await NewPageAsync();
        await Chromium.PasswordAsync(again, "giam.doc", Password);
        await Expect(again).ToHaveURLAsync(new Regex("/signin/code"));
        await Expect(again.Locator("#enrolment")).ToHaveCountAsync(0);
        await again.FillAsync("#code", first);
        await again.ClickAsync("#code-form button[type=submit]");
        await Expect(again.Locator("#code-error")).ToContainTextAsync("đã được dùng");

        // Five steps later a code of two steps ago was never used, but is out of the window of one step either side.
        Engine.Clock.Advance(Totp.Step * 5);
        await again.FillAsync("#code", CodeAt(key, stepsFromNow: -2));
        await again.ClickAsync("#code-form button[type=submit]");
        await Expect(again.Locator("#code-error")).ToContainTextAsync("hết hiệu lực");
        await again.FillAsync("#code", CodeAt(key));
        await again.ClickAsync("#code-form button[type=submit]");
        await Expect(again).ToHaveURLAsync(new Regex("/queue/overdue$"));
        await Expect(again.Locator(".user-badge")).ToContainTextAsync("giam.doc");
    }
}
