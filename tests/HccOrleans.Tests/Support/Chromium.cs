using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Support;

/// <summary>Debian's headless Chromium as the tests launch it: no downloads, no background network, loopback only.</summary>
public static partial class Chromium
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

    /// <summary>Signs in with a staff account's user name and password, as a person would; does not wait for where it lands.</summary>
    public static async Task PasswordAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#password-form button[type=submit]");
    }

    /// <summary>Signs a fresh page in as a demo user through the sign-in page and waits until it has left that page.</summary>
    public static async Task SignInAsync(IPage page, string subject, string role, string agency)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#demo-subject", subject);
        await page.SelectOptionAsync("#demo-role", role);
        await page.SelectOptionAsync("#demo-agency", agency);
        await page.ClickAsync("form:has(#demo-subject) button[type=submit]");
        await ArrivedAtAsync(page, LeftSignIn());
    }

    /// <summary>
    /// Waits until the page's address matches, by polling the address, and no longer. Playwright's own WaitForURL
    /// then waits in the client for a load state, and it can miss that state's event when it lands between its check
    /// and its subscription: one clean-clone run timed out there while its log showed the later events fired. Every
    /// step after waits for the element it uses. The wait is as long as a page's action may take, not an assertion's.
    /// </summary>
    public static Task ArrivedAtAsync(IPage page, Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = 15_000 });

    /// <summary>Any address but the sign-in page's.</summary>
    [GeneratedRegex("^(?!.*/signin)")]
    private static partial Regex LeftSignIn();
}
