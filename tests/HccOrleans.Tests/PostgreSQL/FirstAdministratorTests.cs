using System.Net;
using System.Text.RegularExpressions;
using HccOrleans.Api.Accounts;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>The README's first-administrator command against a running engine on PostgreSQL, then that administrator's sign-in.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed partial class FirstAdministratorTests(PostgresServer postgres)
{
    private const string Password = "mat-khau-quan-tri-dau-tien";

    [Fact]
    public async Task CreateAdmin_EntersAnAdministrator_WhoSignsInWithThePasswordAndATotpCode()
    {
        var connectionString = await postgres.CreateDatabaseAsync("firstadmin");
        await using var silo = new SiloProcess(connectionString, $"admin-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();

        var (exitCode, output) = await silo.RunCommandAsync("create-admin qt.admin \"Nguyễn Văn Quản Trị\"",
            new Dictionary<string, string> { ["HCC_ADMIN_PASSWORD"] = Password }, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, output);
        var key = KeyLine().Match(output).Groups[1].Value;
        Assert.NotEmpty(key);
        var (weakExit, weakOutput) = await silo.RunCommandAsync("create-admin qt.other \"Trần Văn Yếu\"",
            new Dictionary<string, string> { ["HCC_ADMIN_PASSWORD"] = "ngan" }, TimeSpan.FromMinutes(2));
        Assert.True(weakExit == 1 && weakOutput.Contains("password", StringComparison.Ordinal), weakOutput);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = silo.BaseAddress };
        var password = await PostFormAsync(browser, "/signin", "/signin?handler=Password", new() { ["userName"] = "qt.admin", ["password"] = Password });
        Assert.Equal("/signin/code?returnUrl=%2Fmy-work", password.Headers.Location?.OriginalString);
        var code = Totp.Code(Totp.KeyOf(key)!, Totp.StepAt(DateTimeOffset.UtcNow));
        var signedIn = await PostFormAsync(browser, "/signin/code", "/signin/code", new() { ["code"] = code });
        Assert.Equal("/my-work", signedIn.Headers.Location?.OriginalString);

        using var people = await browser.GetAsync("/people");
        var page = await people.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Contains("Nguyễn Văn Quản Trị", page, StringComparison.Ordinal);
        Assert.DoesNotContain("qt.other", page, StringComparison.Ordinal);
    }

    /// <summary>Posts a page's form as a browser would: with the antiforgery token the page rendered.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    [GeneratedRegex("authenticator-key: ([A-Z2-7]+)")]
    private static partial Regex KeyLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
