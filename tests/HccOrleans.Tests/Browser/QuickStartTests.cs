using HccOrleans.Silo.Seed;

namespace HccOrleans.Tests.Browser;

/// <summary>
/// The quick start as a newcomer opens it: Đà Nẵng city in December 2026. Its pages are the README's pictures (saved
/// into docs/screenshots with <c>HCC_DOC_SCREENSHOTS=1</c>).
/// </summary>
[Collection(QuickStartCollection.Name)]
[Trait("Category", "Browser")]
public sealed class QuickStartTests(QuickStartFixture quickStart) : BrowserTestBase(quickStart)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task TheDaNangDemo_ItsKpiPageWith07b_AReceiptHeadedByTheCitysCommittee_AndALateInterAgencyDossiersShares()
    {
        var director = await SignedInAsync("an.director", "director", "");
        await director.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(director.Locator(".navbar-brand")).ToHaveTextAsync("Trung tâm Phục vụ hành chính công thành phố Đà Nẵng");
        var sections = director.Locator("#report-07b tbody tr.fw-bold th");
        await Expect(sections).ToHaveTextAsync(["I. Thuộc thẩm quyền giải quyết của cấp tỉnh", "II. Thuộc thẩm quyền giải quyết của cấp xã", "Tổng cộng"]);
        await Expect(director.Locator("#report-07b tbody th", new() { HasText = "Chứng thực" })).ToHaveCountAsync(1);
        await ScreenshotAsync(director, "kpi");
        await ScreenshotAsync(director.Locator("section:has(#report-07b)"), "kpi-07b");
        await Expect(director.Locator("#satisfaction-by-item tr[data-item='a'] td").Last).Not.ToHaveTextAsync("—");
        await ScreenshotAsync(director.Locator("#decision-766"), "kpi-766");

        // A receipt of the city center, headed by the city's People's Committee from the unit tree.
        using var officer = await Engine.ClientAsync("lan.officer", ["officer"], DaNang2026.Center);
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/dossiers?status=processing", Engine.Json);
        var received = queue.GetProperty("items").EnumerateArray().First(d => d.GetProperty("receivingUnit").GetString() == DaNang2026.Center).GetProperty("code").GetString();
        var counter = await SignedInAsync("lan.officer", "officer", DaNang2026.Center);
        await counter.GotoAsync($"/api/dossiers/{received}/slips/receipt");
        await Expect(counter.Locator(".organ")).ToHaveTextAsync("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG");
        await Expect(counter.Locator(".heading .unit")).ToHaveTextAsync("Trung tâm Phục vụ hành chính công thành phố Đà Nẵng");
        // Signed by the officer who received it, by name from the staff directory.
        await Expect(counter.Locator(".signatures")).ToContainTextAsync("Lê Thị Thu Hà");
        await Expect(counter.Locator(".signatures")).Not.ToContainTextAsync("demo.officer");
        await ScreenshotAsync(counter, "receipt");

        // Investment approval, led by Finance with Construction and Agriculture after it; Construction and the
        // committee's approval overran, the dossier is 16 working hours late: shared 1440 : 3360.
        var code = await SubmitLateInvestmentApprovalAsync(officer);
        await director.GotoAsync($"/dossiers/{code}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(director.Locator("#lateness-total")).ToHaveTextAsync("16 giờ");
        Assert.Equal(["0", "672", "0", "288", "0"],
            await director.Locator("#lateness-shares td[data-share-minutes]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.shareMinutes)"));
        await ScreenshotAsync(director, "dossier-lateness");
    }

    [Fact]
    public async Task TheDemoSpecialist_FindsTheAppraisalsGivenToThemInMyWork_AndTheirLeaderSeesTheDepartmentsPeople()
    {
        var specialist = await SignedInAsync("minh.specialist", "specialist", DaNang2026.Justice);
        await Assertions.Expect(specialist).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue/mine$"));
        var mine = specialist.Locator("tbody tr .assignee");
        await Expect(mine.First).ToHaveTextAsync("Trần Quang Minh");
        await ScreenshotAsync(specialist, "my-work");

        var leader = await SignedInAsync("hoa.leader", "leader", DaNang2026.Justice);
        await leader.GotoAsync("/people/figures?from=2026-12-01&to=2026-12-31");
        await Expect(leader.Locator("#people-figures tr[data-user='minh.specialist'] .in-progress")).Not.ToHaveTextAsync("0");
        await Expect(leader.Locator("#people-figures tr[data-user='demo.specialist'] th")).ToHaveTextAsync("Phan Văn Tú");
        await Expect(leader.Locator("#people-figures tr[data-user='lan.officer']")).ToHaveCountAsync(0);
        await ScreenshotAsync(leader, "people-figures");
    }

    private async Task<string> SubmitLateInvestmentApprovalAsync(HttpClient officer)
    {
        var monday = QuickStartFixture.Monday;
        DateTimeOffset On(int year, int month, int day) => new(year, month, day, 9, 0, 0, monday.Offset);
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers")
        {
            Content = JsonContent.Create(new SubmissionRequest("1.009645.000.00.00.H17", DaNang2026.Center, FilingChannel.Direct,
                new Applicant("Công ty TNHH Sông Hàn", "048088123456", "0905888999", null, "Hải Châu, Đà Nẵng"), [new DocumentItem("Hồ sơ đề xuất dự án", 1)], null), options: Engine.Json),
        };
        submit.Headers.Add("Idempotency-Key", "quick-start-investment");
        using var created = await officer.SendAsync(submit);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>(Engine.Json)).GetProperty("code").GetString()!;
        await ActAsync(officer, code, "receive");
        await ActAsync(officer, code, "transfer");
        using var finance = await Engine.ClientAsync("minh.specialist", ["specialist"], DaNang2026.Finance);
        using var construction = await Engine.ClientAsync("tuan.specialist", ["specialist"], DaNang2026.Construction);
        using var agriculture = await Engine.ClientAsync("ha.specialist", ["specialist"], DaNang2026.Agriculture);
        using var committee = await Engine.ClientAsync("hung.leader", ["leader"], DaNang2026.Committee);
        Engine.Clock.MoveTo(On(2026, 12, 9));   // Finance: 16 h of its 24
        await ActAsync(finance, code, "complete-part", new { agency = DaNang2026.Finance, note = "Hồ sơ hợp lệ, chuyển lấy ý kiến" });
        Engine.Clock.MoveTo(On(2026, 12, 11));  // Agriculture and Environment: 16 h of its 40
        await ActAsync(agriculture, code, "complete-part", new { agency = DaNang2026.Agriculture, note = "Phù hợp quy hoạch sử dụng đất" });
        Engine.Clock.MoveTo(On(2026, 12, 21));  // Construction: 64 h of its 40
        await ActAsync(construction, code, "complete-part", new { agency = DaNang2026.Construction, note = "Phù hợp quy hoạch xây dựng" });
        Engine.Clock.MoveTo(On(2026, 12, 22));  // Finance's own appraisal: 8 h of the 48 the parts left
        await ActAsync(finance, code, "appraise", new { outcome = "eligible", note = "Đủ điều kiện chấp thuận" });
        Engine.Clock.MoveTo(On(2027, 1, 7));    // the committee: 88 h of its 32; due Tuesday 5 January
        await ActAsync(committee, code, "approve", new { note = "Chấp thuận chủ trương đầu tư" });
        return code;
    }
}
