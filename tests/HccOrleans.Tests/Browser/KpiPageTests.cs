namespace HccOrleans.Tests.Browser;

/// <summary>The director chooses the KPI page's period as people say it: from one day through another.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class KpiPageTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task KpiPage_PeriodChosenFromAndThrough_IncludesTheLastDay_AndTheCsvCoversTheSameDays()
    {
        var director = await DirectorAsync();
        await director.GotoAsync("/");

        await director.FillAsync("#from", "2030-03-01");
        await director.FillAsync("#through", "2030-03-31");
        await director.ClickAsync("form[aria-label='Chọn kỳ báo cáo'] button[type=submit]");

        await Assertions.Expect(director.Locator("#period")).ToContainTextAsync("từ 01/03/2030 đến hết 31/03/2030");
        await Assertions.Expect(director.Locator("#through")).ToHaveValueAsync("2030-03-31");
        var csv = await director.Locator("a:has-text('Tải CSV')").GetAttributeAsync("href");
        Assert.Contains("from=2030-03-01&to=2030-04-01", csv, StringComparison.Ordinal);
    }
}
