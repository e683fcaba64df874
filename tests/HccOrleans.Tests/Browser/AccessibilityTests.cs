using Deque.AxeCore.Playwright;

namespace HccOrleans.Tests.Browser;

/// <summary>
/// axe-core on the pages people use most: no serious or critical violation (Circular 26/2020/TT-BTTTT asks state
/// portals for WCAG).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static async Task AssertAccessibleAsync(IPage page, string what, Deque.AxeCore.Commons.AxeRunOptions? options = null)
    {
        var result = options is null ? await page.RunAxe() : await page.RunAxe(options);
        Assert.True(result.Passes.Length > 10, $"{what}: axe checked too little ({result.Passes.Length} rules passed)");
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Fact]
    public async Task PagesPeopleUse_HaveNoSeriousOrCriticalAxeViolations()
    {
        Engine.Clock.StartNextWeek();
        var open = await SubmitAsync(receive: true);
        var returned = await SubmitAsync(receive: true);
        using (var specialist = await Engine.ClientAsync("s", ["specialist"], AgencyA))
        using (var leader = await Engine.ClientAsync("l", ["leader"], AgencyA))
        using (var officer = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop))
        {
            await ActAsync(specialist, returned, "appraise", new { outcome = "eligible" });
            await ActAsync(leader, returned, "approve");
            await ActAsync(officer, returned, "return", new { method = "counter" });
            await ActAsync(specialist, open, "request-supplement", new { reason = "Thiếu bản vẽ", items = new[] { "Bản vẽ mặt bằng" } });
        }

        var citizen = await NewPageAsync(width: 360, height: 740);
        await citizen.GotoAsync("/lookup");
        await AssertAccessibleAsync(citizen, "lookup");
        await citizen.GotoAsync($"/lookup?code={returned}");
        await citizen.FillAsync("#id-number", "049190004321");
        await citizen.ClickAsync("form[aria-label='Tra cứu hồ sơ'] button[type=submit]");
        await Assertions.Expect(citizen.Locator("form[aria-labelledby='rate-heading']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(citizen, "rating");

        await citizen.GotoAsync($"/lookup?code={open}");
        await citizen.FillAsync("#id-number", "049190004321");
        await citizen.ClickAsync("form[aria-label='Tra cứu hồ sơ'] button[type=submit]");
        await Assertions.Expect(citizen.Locator("#next-steps")).ToBeVisibleAsync();
        await AssertAccessibleAsync(citizen, "lookup with next steps");
        await citizen.GotoAsync("/no-such-page");
        await AssertAccessibleAsync(citizen, "unknown address");

        var officerPage = await OfficerAsync();
        await officerPage.GotoAsync("/queue/to-return");
        await AssertAccessibleAsync(officerPage, "queue");
        await officerPage.GotoAsync("/counter");
        await AssertAccessibleAsync(officerPage, "counter");
        await officerPage.GotoAsync("/search?q=tran+thi");
        await AssertAccessibleAsync(officerPage, "search");

        var specialistPage = await SpecialistAsync();
        await specialistPage.GotoAsync($"/dossiers/{open}");
        await AssertAccessibleAsync(specialistPage, "dossier");

        var director = await DirectorAsync();
        await director.GotoAsync("/");
        await AssertAccessibleAsync(director, "KPI");
        await director.Locator("#report-07a tbody tr:last-child td[data-column='3'] a").ClickAsync();
        await Assertions.Expect(director.Locator("#report-dossiers")).ToBeVisibleAsync();
        await AssertAccessibleAsync(director, "the dossiers behind a number");
        // The monitor page around the Orleans dashboard: ours, not the dashboard's own (English, third-party) markup.
        await director.GotoAsync("/monitor");
        await AssertAccessibleAsync(director, "monitor", new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync("/");
        await AssertAccessibleAsync(anonymous, "public KPI");
    }
}
