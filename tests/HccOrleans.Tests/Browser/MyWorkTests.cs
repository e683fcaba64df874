using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>Named work in the browser: a leader assigns, the specialist finds it in "my work" after signing in, another claims only unassigned work; per-person figures.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MyWorkTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const string Password = "mat-khau-thu-nghiem-01";
    private static readonly string Mine = $"specialist.{AgencyA}";
    private static readonly string Second = $"second.{AgencyA}";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private async Task PasswordsAsync(params string[] userNames)
    {
        foreach (var userName in userNames)
        {
            await SetPasswordAsync(userName, Password);
        }
    }

    private async Task<IPage> SignedInWithPasswordAsync(string userName)
    {
        var page = await NewPageAsync();
        await Chromium.PasswordAsync(page, userName, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/queue/"));
        return page;
    }

    [Fact]
    public async Task ALeaderAssigns_TheSpecialistFindsItInMyWork_AnotherCannotActUntilReassigned_ButClaimsUnassignedWork()
    {
        await PasswordsAsync(Mine, Second);
        Engine.Clock.StartNextWeek();
        var assigned = await SubmitAsync(receive: true);
        var unassigned = await SubmitAsync(receive: true);

        var leader = await LeaderAsync();
        await leader.GotoAsync($"/dossiers/{assigned}");
        await ActAsync(leader, "assign", form => form.Locator("select[name=userName]").SelectOptionAsync(Mine));
        await Expect(leader.Locator("#assignee")).ToHaveTextAsync("Nguyễn Văn Thẩm");

        var mine = await SignedInWithPasswordAsync(Mine);
        await Expect(mine).ToHaveURLAsync(new Regex("/queue/mine$"));
        await Expect(mine.Locator($"tr[data-code='{assigned}'] .assignee")).ToHaveTextAsync("Nguyễn Văn Thẩm");
        await Expect(mine.Locator($"tr[data-code='{unassigned}']")).ToHaveCountAsync(0);

        var second = await SignedInWithPasswordAsync(Second);
        await second.GotoAsync($"/dossiers/{assigned}");
        await Expect(second.Locator("#assignee")).ToHaveTextAsync("Nguyễn Văn Thẩm");
        await Expect(second.Locator("form[id^='act-']")).ToHaveCountAsync(0);

        await second.GotoAsync($"/dossiers/{unassigned}");
        await ActAsync(second, "assign");
        await Expect(second.Locator("#assignee")).ToHaveTextAsync("Trần Thị Định");
        await Expect(second.Locator("form#act-appraise")).ToHaveCountAsync(1);

        // The leader reassigns the first: now the second specialist may appraise it, and the first no longer.
        await leader.GotoAsync($"/dossiers/{assigned}");
        await ActAsync(leader, "assign", form => form.Locator("select[name=userName]").SelectOptionAsync(Second));
        await second.GotoAsync($"/dossiers/{assigned}");
        await Expect(second.Locator("form#act-appraise")).ToHaveCountAsync(1);
        await mine.GotoAsync($"/dossiers/{assigned}");
        await Expect(mine.Locator("form#act-appraise")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ASpecialist_ClaimsUnassignedWorkFromTheQueue()
    {
        Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        var second = await SignedInAsync(Second, "specialist", AgencyA);
        await second.GotoAsync("/queue/to-appraise");

        await second.Locator($"tr[data-code='{code}'] form.claim button").ClickAsync();

        await Expect(second).ToHaveURLAsync(new Regex($"/dossiers/{Regex.Escape(code)}$"));
        await Expect(second.Locator("#assignee")).ToHaveTextAsync("Trần Thị Định");
        await second.GotoAsync("/queue/to-appraise");
        await Expect(second.Locator($"tr[data-code='{code}'] .assignee")).ToHaveTextAsync("Trần Thị Định");
        await Expect(second.Locator($"tr[data-code='{code}'] form.claim")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheReceipt_PrintsTheOfficersFullName()
    {
        await PasswordsAsync(Officer.Subject);
        var code = await SubmitAsync(receive: false);
        var officer = await SignedInWithPasswordAsync(Officer.Subject);
        await officer.GotoAsync($"/dossiers/{code}");
        await ActAsync(officer, "receive");

        await officer.GotoAsync($"/api/dossiers/{code}/slips/receipt");

        await Expect(officer.Locator("body")).ToContainTextAsync("Lê Thị Quầy");
        await Expect(officer.Locator("body")).Not.ToContainTextAsync(Officer.Subject);
    }

    [Fact]
    public async Task PeopleFigures_ShowALeaderTheirUnitsPeople_WithWhatEachHandled()
    {
        Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        using var leaderApi = await Engine.ClientAsync($"leader.{AgencyA}", ["leader"], AgencyA);
        using var specialistApi = await Engine.ClientAsync(Second, ["specialist"], AgencyA);
        await ActAsync(leaderApi, code, "assign", new { userName = Second });
        await ActAsync(specialistApi, code, "appraise", new { outcome = "eligible" });
        await ActAsync(leaderApi, code, "approve");
        var open = await SubmitAsync(receive: true);
        await ActAsync(leaderApi, open, "assign", new { userName = Second });

        var leader = await LeaderAsync();
        var today = TimeZoneInfo.ConvertTime(Engine.Clock.GetUtcNow(), TestCalendars.Vietnam).ToString("yyyy-MM-dd");
        await leader.GotoAsync($"/people/figures?from={today}&to={today}");

        var row = leader.Locator($"#people-figures tr[data-user='{Second}']");
        await Expect(row.Locator("th")).ToHaveTextAsync("Trần Thị Định");
        await Expect(row.Locator(".handled")).ToHaveTextAsync("1");
        await Expect(row.Locator(".on-time")).ToHaveTextAsync("1");
        await Expect(leader.Locator("#people-figures tr[data-user='specialist.AGB']")).ToHaveCountAsync(0);
    }
}
