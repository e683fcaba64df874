namespace HccOrleans.Tests.Support;

/// <summary>Debian's headless Chromium as the tests launch it: no downloads, no background network, loopback only.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        Args =
        [
            "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
        ],
    });

    /// <summary>
    /// Signs a fresh page in as a demo user through the sign-in page. Waits for the landing page's document, not its
    /// load event: the KPI page's live connection and chart script can hold that back on a busy machine, and every
    /// step after waits for what it uses.
    /// </summary>
    /// <summary>Signs in with a staff account's user name and password, as a person would; does not wait for where it lands.</summary>
    public static async Task PasswordAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#password-form button[type=submit]");
    }

    public static async Task SignInAsync(IPage page, string subject, string role, string agency)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#demo-subject", subject);
        await page.SelectOptionAsync("#demo-role", role);
        await page.SelectOptionAsync("#demo-agency", agency);
        await page.ClickAsync("form:has(#demo-subject) button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
