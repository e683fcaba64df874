namespace HccOrleans.Tests.Browser;

/// <summary>What a role may not do, it neither sees nor can do; the Orleans dashboard is for directors and administrators.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task Specialist_OnASubmittedDossier_SeesNoActionAndAForgedOneIsRefusedInVietnamese()
    {
        Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: false);
        var page = await SpecialistAsync();
        await page.GotoAsync($"/dossiers/{code}");

        await Expect(page.Locator("#status")).ToContainTextAsync("Mới đăng ký");
        await Expect(page.Locator("form[id^='act-']")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Bạn không có thao tác nào")).ToBeVisibleAsync();

        // The same request a receive button would send, forged with the page's own antiforgery token: the page it
        // lands on explains the refusal in Vietnamese, and the dossier is unchanged.
        var answer = await page.EvaluateAsync<string>("""
            async code => {
                const token = JSON.parse(document.body.getAttribute('hx-headers')).RequestVerificationToken;
                const body = new URLSearchParams({ action: 'receive', __RequestVerificationToken: token });
                const response = await fetch('/dossiers/' + code + '?handler=Act', { method: 'POST', body });
                return response.status + ' ' + await response.text();
            }
            """, code);
        Assert.StartsWith("200 ", answer, StringComparison.Ordinal);
        Assert.Contains("Bạn không có quyền thực hiện thao tác này", answer, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Mới đăng ký");

        var counter = await page.GotoAsync("/counter");
        Assert.Equal((int)HttpStatusCode.Forbidden, counter!.Status);
    }

    [Fact]
    public async Task Leader_FromTheApologiesQueue_ProposesAnExtension_TheOfficerConfirmsIt_AndForm04Prints()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        // Friday of the second week 10:00: 6 working hours remain before Monday 08:00 — due soon.
        Engine.Clock.MoveTo(monday.AddDays(11).AddHours(2));
        var page = await LeaderAsync();
        await page.GotoAsync("/queue/apologies");
        await Expect(page.Locator($"tr[data-code='{code}'] .due-badge")).ToHaveTextAsync("Sắp đến hạn");
        await page.ClickAsync($"tr[data-code='{code}'] a");

        await page.Locator("details:has(#act-propose-extension) > summary").ClickAsync();
        // The form proposes the close of the fifth working day after the Monday due date: the next Monday, never a weekend.
        await Expect(page.Locator("#act-propose-extension-due")).ToHaveValueAsync(monday.AddDays(21).ToString("yyyy-MM-dd") + "T17:00");
        // Friday, before a Monday expiry: the form says before sending that the proposal counts as timely.
        await Expect(page.Locator("#act-propose-extension-timely")).ToHaveTextAsync("Gửi ngay bây giờ: được tính là gửi đúng thời hạn.");
        await page.FillAsync("#act-propose-extension-reason", "Phải lấy ý kiến của cơ quan liên quan");
        // A Saturday typed in is refused, and nothing is proposed.
        await page.FillAsync("#act-propose-extension-due", monday.AddDays(19).ToString("yyyy-MM-dd") + "T10:00");
        await page.ClickAsync("#act-propose-extension button[data-action='propose-extension']");
        await Expect(page.Locator(".alert-danger")).ToBeVisibleAsync();
        await Expect(page.Locator("#extension")).ToHaveCountAsync(0);

        // The refused form comes back open with what was typed: only the wrong date is typed again.
        await Expect(page.Locator("#act-propose-extension-reason")).ToHaveValueAsync("Phải lấy ý kiến của cơ quan liên quan");
        await Expect(page.Locator("#act-propose-extension-due")).ToHaveValueAsync(monday.AddDays(19).ToString("yyyy-MM-dd") + "T10:00");
        await page.FillAsync("#act-propose-extension-due", monday.AddDays(18).ToString("yyyy-MM-dd") + "T16:00");
        await page.ClickAsync("#act-propose-extension button[data-action='propose-extension']");

        // Proposed on the Friday before a Monday expiry: at least a day before, so timely; the old date still stands.
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("Xin lỗi và đề nghị gia hạn");
        await Expect(page.Locator("#extension")).ToContainTextAsync("đúng thời hạn");
        await Expect(page.Locator("#extension")).ToContainTextAsync("chờ Bộ phận Một cửa xác nhận");
        await Expect(page.Locator("details:has(#act-propose-extension)")).ToHaveCountAsync(0);
        var letter = await page.Context.NewPageAsync();
        await letter.GotoAsync(await page.Locator("#print-now").GetAttributeAsync("href") ?? "");
        await Expect(letter.Locator("h1.title")).ToHaveTextAsync("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
        await Expect(letter.Locator(".form-number")).ToHaveTextAsync(
            "Mẫu số 04 — ban hành kèm theo Thông tư số 03/2025/TT-VPCP; hồ sơ giải quyết theo Nghị định số 118/2025/NĐ-CP");
        await Expect(letter.Locator("main")).ToContainTextAsync("16 giờ 00 phút, ngày " + monday.AddDays(18).ToString("dd/MM/yyyy"));
        await page.GotoAsync("/queue/apologies");
        await Expect(page.Locator($"tr[data-code='{code}']")).ToHaveCountAsync(0);

        // The one-stop officer puts the new date in force; the letter says so.
        var officer = await OfficerAsync();
        await officer.GotoAsync($"/dossiers/{code}");
        await ActAsync(officer, "confirm-extension");
        await Expect(officer.Locator("#extension")).ToContainTextAsync("đã xác nhận");
        await Expect(officer.Locator("#dossier-state")).ToContainTextAsync("16:00 " + monday.AddDays(18).ToString("dd/MM/yyyy"));
        await letter.ReloadAsync();
        await Expect(letter.Locator(".extension-state")).ToContainTextAsync("đã xác nhận gia hạn");
        await ScreenshotAsync(letter, "form-04");
    }

    [Fact]
    public async Task TheConsultationForm_ProposesAWorkingDay_AndAWeekendTypedInIsRefusedKeepingTheQuestion()
    {
        var monday = Engine.Clock.StartNextWeek();
        // Received and handed over to the appraising agency already (SubmitAsync does both).
        var code = await SubmitAsync(receive: true);

        // Thursday afternoon: three working days on is Tuesday, not Sunday.
        Engine.Clock.MoveTo(monday.AddDays(3).AddHours(6));
        var page = await SpecialistAsync();
        await page.GotoAsync($"/dossiers/{code}");
        await page.Locator("details:has(#act-consult) > summary").ClickAsync();
        await Expect(page.Locator("#act-consult-due")).ToHaveValueAsync(monday.AddDays(8).ToString("yyyy-MM-dd") + "T17:00");

        await page.FillAsync("#act-consult-question", "Đề nghị cho ý kiến về quy hoạch");
        await page.FillAsync("#act-consult-due", monday.AddDays(5).ToString("yyyy-MM-dd") + "T10:00");
        await page.ClickAsync("#act-consult button[data-action='consult']");
        await Expect(page.Locator(".alert-danger")).ToContainTextAsync("Hạn trả lời phải là thời điểm trong giờ làm việc của ngày làm việc, sau hiện tại.");
        await Expect(page.Locator("#act-consult-question")).ToHaveValueAsync("Đề nghị cho ý kiến về quy hoạch");
    }

    [Fact]
    public async Task TheExtensionForm_OnTheExpiryDay_SaysBeforeSendingThatTheProposalWillCountAsLate()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        // The Monday it expires, before the due hour: less than a calendar day before the expiry day.
        Engine.Clock.MoveTo(monday.AddDays(14).AddMinutes(-30));
        var page = await LeaderAsync();
        await page.GotoAsync($"/dossiers/{code}");
        await page.Locator("details:has(#act-propose-extension) > summary").ClickAsync();

        await Expect(page.Locator("#act-propose-extension-timely")).ToContainTextAsync("sẽ được ghi nhận là đề nghị muộn");
        await Expect(page.Locator("#act-propose-extension-timely")).ToContainTextAsync("Điều 19 khoản 6");
    }

    [Fact]
    public async Task Dashboard_IsForDirectorsOnly()
    {
        var director = await DirectorAsync();
        var open = await director.GotoAsync("/dashboard/");
        Assert.Equal((int)HttpStatusCode.OK, open!.Status);
        // Opened as a page of its own, the dashboard comes framed in the center's page: the header and the way back.
        Assert.EndsWith("/monitor", director.Url, StringComparison.Ordinal);
        await Expect(director.GetByRole(AriaRole.Link, new() { Name = "Về trang tổng quan" })).ToBeVisibleAsync();
        var frame = director.FrameLocator("iframe.monitor-frame");
        await Expect(frame.Locator("body")).Not.ToBeEmptyAsync();
        Assert.Contains(director.Frames, f => f.Url.EndsWith("/dashboard/", StringComparison.Ordinal));

        var specialist = await SpecialistAsync();
        var refused = await specialist.GotoAsync("/dashboard/");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);

        var anonymous = await NewPageAsync();
        Assert.Equal((int)HttpStatusCode.Forbidden, (await anonymous.GotoAsync("/dashboard/"))!.Status);
    }
}
