namespace HccOrleans.Tests.Support;

/// <summary>Helpers for browser tests: a signed-in page per person, dossiers set up through the API, screenshots for the docs.</summary>
public abstract class BrowserTestBase(BrowserEngine browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserEngine Engine => browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies) at the given size, printing stubbed so a test can count it.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync("window.__printed = 0; window.print = function () { window.__printed++; };");
        // Every key the page receives, counted before any handler of the page sees it; a held modifier is no press.
        await context.AddInitScriptAsync("""
            document.addEventListener('keydown', e => {
                if (!e.repeat && !['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) {
                    sessionStorage.setItem('hcc-test-keys', String(Number(sessionStorage.getItem('hcc-test-keys') ?? 0) + 1));
                }
            }, true);
            """);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through <c>/signin</c> as a demo user of the given role and unit.</summary>
    protected async Task<IPage> SignedInAsync(string subject, string role, string agency)
    {
        var page = await NewPageAsync();
        await Chromium.SignInAsync(page, subject, role, agency);
        return page;
    }

    protected Task<IPage> OfficerAsync() => SignedInAsync(TestCatalogue.Officer.Subject, "officer", TestCatalogue.OneStop);

    protected Task<IPage> SpecialistAsync(string agency = TestCatalogue.AgencyA) => SignedInAsync($"specialist.{agency}", "specialist", agency);

    protected Task<IPage> LeaderAsync(string agency = TestCatalogue.AgencyA) => SignedInAsync($"leader.{agency}", "leader", agency);

    protected Task<IPage> DirectorAsync() => SignedInAsync("director", "director", "");

    /// <summary>The administrator sets the password of a person of the directory, through the API.</summary>
    protected async Task SetPasswordAsync(string userName, string password)
    {
        using var admin = await browser.ClientAsync("admin", ["admin"], "");
        (await admin.PutAsJsonAsync($"/api/accounts/{userName}/password", new { password }, browser.Json)).EnsureSuccessStatusCode();
    }

    /// <summary>Registers (and optionally receives) a dossier through the HTTP API; returns its code.</summary>
    protected async Task<string> SubmitAsync(bool receive, SubmissionRequest? request = null)
    {
        using var officer = await browser.ClientAsync(TestCatalogue.Officer.Subject, ["officer"], TestCatalogue.OneStop);
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = System.Net.Http.Json.JsonContent.Create(request ?? TestCatalogue.Request(), options: browser.Json) };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await officer.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        if (receive)
        {
            // Received at the counter and handed to the handling agency at once: the dossier is the agency's to appraise.
            await ActAsync(officer, code, "receive");
            await ActAsync(officer, code, "transfer");
        }

        return code;
    }

    /// <summary>The counter's procedure, found by its code in the picker and chosen with Enter.</summary>
    protected static async Task ChooseProcedureAsync(IPage page, string code)
    {
        await page.Locator("#procedure-search").FillAsync(code);
        await Assertions.Expect(page.Locator("#procedure-options [role=option]").First).ToHaveAttributeAsync("data-code", code);
        await page.Locator("#procedure-search").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#procedure")).ToHaveValueAsync(code);
    }

    /// <summary>An action through the dossier page's form (opened if folded), which must succeed.</summary>
    protected static async Task ActAsync(IPage page, string action, Func<ILocator, Task>? fill = null)
    {
        var form = page.Locator($"#act-{action}");
        if (!await form.IsVisibleAsync())
        {
            await page.Locator($"details:has(#act-{action}) > summary").ClickAsync();
        }

        if (fill is not null)
        {
            await fill(form);
        }

        // An irreversible action is confirmed by ticking its box, as the officer does.
        var confirm = form.Locator($"#act-{action}-confirm");
        if (await confirm.CountAsync() > 0)
        {
            await confirm.CheckAsync();
        }

        await form.Locator($"button[data-action='{action}']").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToBeVisibleAsync();
    }

    /// <summary>An action through the HTTP API, which must succeed.</summary>
    protected static async Task ActAsync(HttpClient client, string code, string action, object? body = null)
    {
        using var response = await client.PostAsync($"/api/dossiers/{code}/{action}", System.Net.Http.Json.JsonContent.Create(body ?? new { }));
        Assert.True(response.IsSuccessStatusCode, $"{action} {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Saves a screenshot: into docs/screenshots, the README's pictures, when <c>HCC_DOC_SCREENSHOTS=1</c>; else beside
    /// the test binaries, so that an ordinary run leaves the tree as it found it (the receipt shows today's date).
    /// </summary>
    protected static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = fullPage });

    /// <summary>One section of a page, e.g. a report's table.</summary>
    protected static async Task ScreenshotAsync(ILocator section, string name) =>
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath(name) });

    private static string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable("HCC_DOC_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryFiles.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}
