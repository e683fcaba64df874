namespace HccOrleans.Tests.Browser;

/// <summary>The director chooses the KPI page's period as people say it: from one day through another.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class KpiPageTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    /// <summary>The page's document, not its load event (its live connection and chart can hold that back); every step after waits for what it uses.</summary>
    private static readonly PageGotoOptions DocumentOnly = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task KpiPage_PeriodChosenFromAndThrough_IncludesTheLastDay_AndTheCsvCoversTheSameDays()
    {
        var director = await DirectorAsync();
        await director.GotoAsync("/", DocumentOnly);

        await director.FillAsync("#from", "2030-03-01");
        await director.FillAsync("#through", "2030-03-31");
        await director.ClickAsync("form[aria-label='Chọn kỳ báo cáo'] button[type=submit]");

        await Assertions.Expect(director.Locator("#period")).ToContainTextAsync("từ 01/03/2030 đến hết 31/03/2030");
        await Assertions.Expect(director.Locator("#through")).ToHaveValueAsync("2030-03-31");
        var csv = await director.Locator("a:has-text('Tải CSV')").GetAttributeAsync("href");
        Assert.Contains("from=2030-03-01&to=2030-04-01", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiPage_OfficialPeriod_RunsFromThe15th_AndShowsBiểu07a()
    {
        var director = await DirectorAsync();
        await director.GotoAsync("/", DocumentOnly);

        var november = director.Locator("#official option", new() { HasTextString = "Tháng 11/" }).First;
        var label = await november.InnerTextAsync();
        await director.SelectOptionAsync("#official", new SelectOptionValue { Label = label });
        await director.ClickAsync("form[aria-label='Chọn kỳ báo cáo theo quy định'] button[type=submit]");

        var year = label.Substring("Tháng 11/".Length, 4);
        await Assertions.Expect(director.Locator("#period")).ToContainTextAsync($"từ 15/10/{year} đến hết 14/11/{year}");
        await Assertions.Expect(director.Locator("#report-07a")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("#report-07a thead")).ToContainTextAsync("(15)");
        await Assertions.Expect(director.Locator("#report-06a")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await director.Locator("#official option").AllInnerTextsAsync(), o => o.StartsWith("Tháng 3/", StringComparison.Ordinal) || o.StartsWith("Tháng 12/", StringComparison.Ordinal));
        var xlsx = await director.Locator("a:has-text('Tải XLSX')").GetAttributeAsync("href");
        Assert.Contains($"/api/reports/07a?from={year}-10-15&to={year}-11-15", xlsx, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiPage_ANumberOf07aOr07b_OpensTheListOfExactlyItsDossiers()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        // A second dossier of the same day, withdrawn: counted in (3) and beside the form, never in (13).
        var withdrawn = await SubmitAsync(receive: true);
        using (var portal = await Engine.ClientAsync("portal", ["portal"], ""))
        {
            await ActAsync(portal, withdrawn, "withdraw", new { reason = "Công dân xin rút hồ sơ" });
        }

        var director = await DirectorAsync();
        var day = DateOnly.FromDateTime(monday.Date);
        await director.GotoAsync($"/?from={day:yyyy-MM-dd}&through={day:yyyy-MM-dd}", DocumentOnly);

        // (13) in progress, the total row of 07a: the number is a link to as many dossiers, this one among them.
        var cell = director.Locator("#report-07a tbody tr:last-child td[data-column='13']");
        var number = await cell.InnerTextAsync();
        await cell.Locator("a").ClickAsync();
        await Assertions.Expect(director.Locator("#report-cell")).ToContainTextAsync("(13) Tổng số hồ sơ đang giải quyết");
        await Assertions.Expect(director.Locator("#report-dossiers-count")).ToHaveTextAsync($"{number} hồ sơ.");
        await Assertions.Expect(director.Locator("#report-dossiers tbody tr")).ToHaveCountAsync(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(director.Locator($"#report-dossiers tr[data-code='{code}']")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator($"#report-dossiers tr[data-code='{withdrawn}']")).ToHaveCountAsync(0);
        await director.Locator($"#report-dossiers tr[data-code='{code}'] a").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/dossiers/{code}$"));

        // The same in 07b's grand total; a zero is not a link.
        await director.GoBackAsync();
        await director.GoBackAsync();
        var total07b = director.Locator("#report-07b tbody tr:last-child td[data-column='3']");
        var received = await total07b.InnerTextAsync();
        await total07b.Locator("a").ClickAsync();
        await Assertions.Expect(director.Locator("#report-dossiers-count")).ToHaveTextAsync($"{received} hồ sơ.");
        await Assertions.Expect(director.Locator($"#report-dossiers tr[data-code='{withdrawn}']")).ToBeVisibleAsync();
        await director.GoBackAsync();
        await Assertions.Expect(director.Locator("#report-07a tbody tr:last-child td[data-column='12'] a")).ToHaveCountAsync(0);
        Assert.Equal("0", await director.Locator("#report-07a tbody tr:last-child td[data-column='12']").InnerTextAsync());
    }

    [Fact]
    public async Task KpiPage_AReversedPeriod_IsRefusedWithAMessage_NotShownAsAnotherPeriod()
    {
        var director = await DirectorAsync();
        await director.GotoAsync("/?from=2026-12-31&through=2026-12-01", DocumentOnly);
        await Assertions.Expect(director.Locator("#period-problem")).ToContainTextAsync("ngày kết thúc 01/12/2026 ở trước ngày bắt đầu 31/12/2026");
        await Assertions.Expect(director.Locator("#period")).Not.ToContainTextAsync("31/12/2026");
    }

    [Fact]
    public async Task KpiPage_PeriodEndingBeforeAugust2026_IsReportedOnII06a()
    {
        var director = await DirectorAsync();
        await director.GotoAsync("/?from=2026-06-15&through=2026-07-14", DocumentOnly);

        await Assertions.Expect(director.Locator("#report-06a")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("#report-07a")).ToHaveCountAsync(0);
    }
}
