namespace HccOrleans.Tests.Browser;

/// <summary>The administrator keeps the staff directory on its page.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PeoplePageTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task Administrator_AddsAPerson_WhoIsListedWithTheirUnitAndRoles_AndAPersonWithoutARoleIsRefused()
    {
        var admin = await SignedInAsync("admin", "admin", "");
        await admin.GotoAsync("/people");

        await admin.FillAsync("#userName", "thu.specialist");
        await admin.FillAsync("#fullName", "Phạm Thị Thu");
        await admin.FillAsync("#title", "Chuyên viên");
        await admin.SelectOptionAsync("#unit", AgencyA);
        await admin.CheckAsync("#role-specialist");
        await admin.ClickAsync("#person-form button[type=submit]");

        var row = admin.Locator("#people tr[data-user='thu.specialist']");
        await Expect(row).ToContainTextAsync("Phạm Thị Thu");
        await Expect(row).ToContainTextAsync("Sở A");
        await Expect(row).ToContainTextAsync("Chuyên viên");
        using var api = await Engine.ClientAsync("admin", ["admin"], "");
        var people = await api.GetFromJsonAsync<Person[]>("/api/people", Engine.Json);
        Assert.Equal([Role.Specialist], Assert.Single(people!, p => p.UserName == "thu.specialist").Roles);

        await admin.FillAsync("#userName", "no.role");
        await admin.FillAsync("#fullName", "Không Vai Trò");
        await admin.ClickAsync("#person-form button[type=submit]");
        await Expect(admin.Locator("#person-errors")).ToContainTextAsync("roles");
        await Expect(admin.Locator("#people tr[data-user='no.role']")).ToHaveCountAsync(0);
    }
}
