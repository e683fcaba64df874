namespace HccOrleans.Tests.Browser;

/// <summary>The citizen on a phone: looks a dossier up from the receipt's QR link, then rates the service.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CitizenTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"the page scrolls sideways at {page.ViewportSize?.Width} px");

    [Fact]
    public async Task Lookup_OnAPhone_ShowsTheStatusAndTakesOneRatingOnceReturned()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        using (var specialist = await Engine.ClientAsync("s", ["specialist"], AgencyA))
        using (var leader = await Engine.ClientAsync("l", ["leader"], AgencyA))
        using (var officer = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop))
        {
            await ActAsync(leader, code, "propose-extension", new { reason = "Cần xác minh thêm", newDueAt = monday.AddDays(18).AddHours(9) });
            await ActAsync(officer, code, "confirm-extension");
            await ActAsync(specialist, code, "appraise", new { outcome = "eligible" });
            using var scan = new MemoryStream([.. GeneratedFileStream.PdfHead, .. "1 0 obj << >> endobj\n%%EOF\n"u8.ToArray()]);
            using var uploaded = await officer.PostAsync("/api/files", FileUploads.Part(scan, "giay-phep.pdf", "application/pdf"));
            var licence = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileId").GetGuid();
            await ActAsync(leader, code, "approve", new { result = new { documentName = "Giấy phép", resultType = "GP", summary = "Cấp phép", fileId = licence } });
            await ActAsync(officer, code, "return", new { method = "counter" });
        }

        Engine.Clock.MoveTo(monday.AddHours(2));
        var page = await NewPageAsync(width: 360, height: 740);
        await page.GotoAsync($"/lookup?code={code}");
        await Expect(page.Locator("#code")).ToHaveValueAsync(code);
        await AssertNoHorizontalScrollAsync(page);
        await page.FillAsync("#id-number", "049190004321");
        await page.ClickAsync("form[aria-label='Tra cứu hồ sơ'] button[type=submit]");

        await Expect(page.Locator("#lookup-status")).ToHaveTextAsync("Đã trả kết quả");
        await Expect(page.Locator("#lookup-due")).ToContainTextAsync(monday.AddDays(14).ToString("dd/MM/yyyy"));
        await Expect(page.Locator("#lookup-rescheduled")).ToContainTextAsync(monday.AddDays(18).ToString("dd/MM/yyyy"));
        await Expect(page.Locator("#lookup-result-delivery")).ToContainTextAsync("mã giấy tờ 049190004321.GP");
        await Expect(page.Locator("#lookup-result-delivery")).ToContainTextAsync("Bản giấy nhận tại bộ phận một cửa");
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "lookup");

        await page.CheckAsync("#rating-very-satisfied");
        await page.SelectOptionAsync("#item-a", "satisfied");
        await page.SelectOptionAsync("#item-dd", "very-satisfied");
        await page.FillAsync("#agencies-contacted", "1");
        await page.FillAsync("#contacts", "2");
        await page.FillAsync("#comment", "Cán bộ hướng dẫn tận tình");
        await AssertNoHorizontalScrollAsync(page);
        await page.ClickAsync("form[aria-labelledby='rate-heading'] button[type=submit]");
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("Cảm ơn");
        await Expect(page.Locator("form[aria-labelledby='rate-heading']")).ToHaveCountAsync(0);
        await AssertNoHorizontalScrollAsync(page);

        using var director = await Engine.ClientAsync("director", ["director"], "");
        var dossier = System.Text.Json.JsonDocument.Parse(await director.GetStringAsync($"/api/dossiers/{code}")).RootElement;
        var rating = dossier.GetProperty("rating");
        Assert.Equal(("very-satisfied", "Cán bộ hướng dẫn tận tình"), (rating.GetProperty("rating").GetString(), rating.GetProperty("comment").GetString()));
        Assert.Equal(["a:satisfied", "dd:very-satisfied"],
            rating.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("item").GetString()}:{i.GetProperty("rating").GetString()}"));
        Assert.Equal((1, 2), (rating.GetProperty("agenciesContacted").GetInt32(), rating.GetProperty("contacts").GetInt32()));

        // The officer's dossier page shows the result document and links its electronic copy.
        var staffPage = await SignedInAsync(Officer.Subject, "officer", OneStop);
        await staffPage.GotoAsync($"/dossiers/{code}");
        await Expect(staffPage.Locator("#result-document")).ToContainTextAsync("049190004321.GP");
        await Expect(staffPage.Locator("#result-download")).ToHaveAttributeAsync("href", $"/api/dossiers/{code}/result");

        // Feedback about the dossier from the same page: numbered, with its due date; the receiving unit sees it.
        await page.SelectOptionAsync("#feedback-about", "dossier");
        await page.FillAsync("#feedback-content", "Xin cảm ơn, nhưng phải chờ lâu ở quầy.");
        await page.FillAsync("#feedback-contact", "0905111222");
        await page.ClickAsync("form[aria-labelledby='feedback-heading'] button[type=submit]");
        await Expect(page.Locator("#feedback-sent")).ToContainTextAsync("Đã nhận phản ánh, kiến nghị số");
        using var officerReads = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop);
        var feedback = System.Text.Json.JsonDocument.Parse(await officerReads.GetStringAsync("/api/feedback?year=" + monday.Year)).RootElement;
        Assert.Contains(feedback.GetProperty("items").EnumerateArray(), f => f.GetProperty("feedback").GetProperty("dossierCode").GetString() == dossier.GetProperty("officialCode").GetString());
    }

    [Fact]
    public async Task Lookup_OfADossierAwaitingASupplement_SaysWhichPapersByWhenAndWhere_AndBackDoesNotResubmit()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        using (var specialist = await Engine.ClientAsync($"specialist.{AgencyA}", ["specialist"], AgencyA))
        {
            await ActAsync(specialist, code, "request-supplement", new { reason = "Thiếu bản vẽ", items = new[] { "Bản vẽ mặt bằng", "Giấy ủy quyền" } });
        }

        var page = await NewPageAsync(width: 360, height: 740);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync($"/lookup?code={code}");
        await page.FillAsync("#id-number", "049190004321");
        await page.ClickAsync("form[aria-label='Tra cứu hồ sơ'] button[type=submit]");

        var next = page.Locator("#next-steps");
        await Expect(page.Locator("#next-papers li")).ToHaveTextAsync(["Bản vẽ mặt bằng", "Giấy ủy quyền"]);
        await Expect(next).ToContainTextAsync($"trước 08:00 {monday.AddDays(15):dd/MM/yyyy}");
        await Expect(next).ToContainTextAsync("Bộ phận một cửa thử nghiệm");
        await Expect(page.Locator("#timeline li").First).ToContainTextAsync(HccOrleans.Api.Web.Texts.Action(DossierAction.Submit));
        await Expect(page.Locator("#timeline li").Last).ToContainTextAsync(HccOrleans.Api.Web.Texts.Action(DossierAction.RequestSupplement));
        await AssertNoHorizontalScrollAsync(page);
        Assert.DoesNotContain("049190004321", page.Url, StringComparison.Ordinal);
        await ScreenshotAsync(page, "lookup-next-steps");

        // Back, forward and reload show the pages again without posting the lookup again.
        await page.GoBackAsync();
        await page.GoForwardAsync();
        await Expect(page.Locator("#next-papers li")).ToHaveCountAsync(2);
        await page.ReloadAsync();
        await Expect(page.Locator("#next-papers li")).ToHaveCountAsync(2);
        Assert.Equal(1, posts);
    }

    [Fact]
    public async Task Lookup_WrongIdNumber_SaysNothingAboutTheDossier()
    {
        Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: false);
        var page = await NewPageAsync(width: 360, height: 740);
        await page.GotoAsync($"/lookup?code={code}");
        await page.FillAsync("#id-number", "000000000000");
        await page.ClickAsync("form[aria-label='Tra cứu hồ sơ'] button[type=submit]");

        await Expect(page.Locator(".alert-warning")).ToContainTextAsync("Không tìm thấy hồ sơ");
        await Expect(page.Locator("#lookup-status")).ToHaveCountAsync(0);
    }
}
