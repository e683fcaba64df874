using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>Staff take a dossier through its steps from their work queues in Chromium; the KPI page follows by itself.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WorkflowTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>
    /// Opens the dossier from a queue of the person's page, as they would: the tab, then the row. Waits for the dossier
    /// page's address, then for its status.
    /// </summary>
    private static async Task OpenFromQueueAsync(IPage page, string queue, string code)
    {
        await page.GotoAsync($"/queue/{queue}");
        await page.ClickAsync($"tr[data-code='{code}'] a");
        await Chromium.ArrivedAtAsync(page, new Regex($"/dossiers/{Regex.Escape(code)}$"));
        await Expect(page.Locator("#status")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Workflow_PaymentAppraisalApprovalReturn_FromTheQueues_AndTheKpiPageUpdatesItself()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        var director = await DirectorAsync();
        await director.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var resolved = director.Locator("#report-07a tbody tr:last-child td[data-column='9']");
        var before = int.Parse(await resolved.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // The specialist asks for the fee from the appraisal queue.
        Engine.Clock.MoveTo(monday.AddHours(1));
        var specialist = await SpecialistAsync();
        await OpenFromQueueAsync(specialist, "to-appraise", code);
        await ScreenshotAsync(specialist, "dossier");
        await ActAsync(specialist, "request-payment", form => form.Locator("input[name=amount]").FillAsync("200000"));
        await Expect(specialist.Locator("#status")).ToContainTextAsync("Chờ thực hiện nghĩa vụ tài chính");

        // The officer records the payment from the payments queue.
        Engine.Clock.MoveTo(monday.AddHours(2));
        var officer = await OfficerAsync();
        await officer.GotoAsync("/queue/payments");
        await Expect(officer.Locator($"tr[data-code='{code}']")).ToBeVisibleAsync();
        await ScreenshotAsync(officer, "queue");
        await OpenFromQueueAsync(officer, "payments", code);
        await ActAsync(officer, "pay", form => form.Locator("input[name=receiptNumber]").FillAsync("BL-000123"));
        await Expect(officer.Locator("#status")).ToContainTextAsync("Đang giải quyết");

        // The specialist appraises; the leader approves; the officer returns the result.
        Engine.Clock.MoveTo(monday.AddHours(3));
        await OpenFromQueueAsync(specialist, "to-appraise", code);
        await ActAsync(specialist, "appraise", form => form.Locator("textarea[name=note]").FillAsync("Đủ điều kiện"));
        Engine.Clock.MoveTo(monday.AddHours(4));
        var leader = await LeaderAsync();
        await OpenFromQueueAsync(leader, "to-approve", code);
        await ActAsync(leader, "approve");
        await Expect(leader.Locator("#status")).ToContainTextAsync("Đã có kết quả");

        // The director's KPI page, left open all along, counted the resolution without being reloaded.
        await Expect(resolved).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });

        // Taken now, while nothing else changes: the return below refreshes the page again, under the camera otherwise.
        await ScreenshotAsync(director.Locator("section:has(#report-07a)"), "kpi-07a");
        var sections07b = director.Locator("#report-07b tbody tr.fw-bold th");
        await Assertions.Expect(sections07b).ToHaveTextAsync(["I. Thuộc thẩm quyền giải quyết của cấp tỉnh", "II. Thuộc thẩm quyền giải quyết của cấp xã", "Tổng cộng"]);

        Engine.Clock.MoveTo(monday.AddHours(5));
        await OpenFromQueueAsync(officer, "to-return", code);
        // Someone else collects the result: the officer writes who, and the control log keeps it.
        await ActAsync(officer, "return", form => form.Locator("[name=collectedBy]").FillAsync("Lê Văn Nhận, CCCD 049190009999 (được ủy quyền)"));
        await Expect(officer.Locator("#status")).ToContainTextAsync("Đã trả kết quả");
        await Expect(officer.Locator("#control-log tbody tr")).ToHaveCountAsync(8);
        await Expect(officer.Locator("#control-log tbody tr").Last).ToContainTextAsync("Lê Văn Nhận, CCCD 049190009999 (được ủy quyền)");

        // The log book of the unit is one click away.
        await officer.Locator("#logbook-link").ClickAsync();
        await Expect(officer.Locator("body")).ToContainTextAsync(code);
    }

    [Fact]
    public async Task AnIrreversibleAction_AsksTheOfficerToConfirm_BeforeItIsSent()
    {
        Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: false);
        var officer = await OfficerAsync();
        await officer.GotoAsync($"/dossiers/{code}");
        await officer.Locator("details:has(#act-refuse) > summary").ClickAsync();
        await officer.FillAsync("#act-refuse-reason", "Hồ sơ không thuộc thẩm quyền");
        await officer.ClickAsync("#act-refuse button[data-action='refuse']");

        // Not sent: the browser holds the form until the box is ticked.
        Assert.True(await officer.Locator("#act-refuse-confirm").EvaluateAsync<bool>("box => !box.validity.valid"));
        await Expect(officer.Locator(".alert-success")).ToHaveCountAsync(0);
        await officer.CheckAsync("#act-refuse-confirm");
        await officer.ClickAsync("#act-refuse button[data-action='refuse']");
        await Expect(officer.Locator(".alert-success")).ToBeVisibleAsync();
        await Expect(officer.Locator("#status")).ToContainTextAsync("Từ chối");
    }

    [Fact]
    public async Task DossierPage_ChangedByAnotherDesk_ShowsTheNewStateAndAsksForAReload()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        var leader = await LeaderAsync();
        await leader.GotoAsync($"/dossiers/{code}");
        await Expect(leader.Locator("#status")).ToContainTextAsync("bước thẩm định");
        await Expect(leader.Locator("form[id^='act-']")).ToHaveCountAsync(2); // propose-extension and assign: Decree 118 gives the agency no stop

        Engine.Clock.MoveTo(monday.AddHours(1));
        using (var specialist = await Engine.ClientAsync("s", ["specialist"], AgencyA))
        {
            await ActAsync(specialist, code, "appraise", new { outcome = "eligible" });
        }

        // Without a reload: the state follows, and the actions (now stale) are flagged.
        await Expect(leader.Locator("#status")).ToContainTextAsync("bước phê duyệt", new() { Timeout = 10_000 });
        await Expect(leader.Locator("#refresh-note")).ToBeVisibleAsync();
        await leader.ReloadAsync();
        await Expect(leader.Locator("form#act-approve")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnlineDossier_ReceivedFromTheQueueWithinItsLimit_GoesStraightToTheAgencyWithNoReceptionEscalation()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: false, TestCatalogue.Request(channel: FilingChannel.Online));

        // An hour after the portal acknowledged it: inside the 2-hour alert and the 8-working-hour limit.
        Engine.Clock.MoveTo(monday.AddHours(1));
        var officer = await OfficerAsync();
        await OpenFromQueueAsync(officer, "to-receive", code);
        await ActAsync(officer, "receive");

        await Expect(officer.Locator("#status")).ToContainTextAsync("bước thẩm định");
        using var api = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop);
        var received = (await api.GetFromJsonAsync<DossierSnapshot>($"/api/dossiers/{code}", Engine.Json))!;
        Assert.Equal((ProcessingStep.Appraise, monday.AddHours(1), Regime.Decree118Of2025), (received.Step, received.ReceivedAt!.Value, received.Regime));
        Assert.DoesNotContain(received.Escalations, e => e.Kind is EscalationKind.OnlineAlert or EscalationKind.OnlineReceptionOverdue);
        Assert.NotNull(received.OfficialCode);
    }

    [Fact]
    public async Task SupplementRequest_OfTheSpecialist_IsIssuedByTheOfficerInTheOneStopUnitsName()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);

        Engine.Clock.MoveTo(monday.AddHours(1));
        var specialist = await SpecialistAsync();
        await OpenFromQueueAsync(specialist, "to-appraise", code);
        await ActAsync(specialist, "request-supplement", async form =>
        {
            await form.Locator("textarea[name=reason]").FillAsync("Bản vẽ chưa đúng tỷ lệ");
            await form.Locator("textarea[name=items]").FillAsync("Bản vẽ mặt bằng tỷ lệ 1/500");
        });

        // The officer finds it among the supplements and issues the notice (form 02): the one-stop unit signs it.
        var officer = await OfficerAsync();
        await OpenFromQueueAsync(officer, "supplements", code);
        var form02 = await officer.Context.NewPageAsync();
        await form02.GotoAsync(await officer.Locator("a[href$='/slips/supplement-request']").GetAttributeAsync("href") ?? "");
        await Expect(form02.Locator("h1.title")).ToHaveTextAsync("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        await Expect(form02.Locator(".unit")).ToHaveTextAsync("Bộ phận một cửa thử nghiệm");
        await Expect(form02.Locator(".requested-by")).ToContainTextAsync("Sở A");
        await Expect(form02.Locator(".signatures .who")).ToHaveTextAsync("Bộ phận Một cửa");
        await Expect(form02.Locator("main")).ToContainTextAsync("Bản vẽ mặt bằng tỷ lệ 1/500");
    }
}
