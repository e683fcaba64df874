namespace HccOrleans.Tests.Browser;

/// <summary>Staff answer feedback on its page: their unit's only, open first, once, published if they choose.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FeedbackPageTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task AnOfficer_AnswersTheUnitsFeedback_AndPublishesIt()
    {
        var monday = Engine.Clock.StartNextWeek();
        var code = await SubmitAsync(receive: true);
        using var citizen = Engine.CreateClient();
        using var sent = await citizen.PostAsJsonAsync("/api/feedback",
            new { about = "dossier", content = "Quầy số 3 đóng cửa sớm.", contact = "0905111222", dossierCode = code, idNumber = "049190004321" });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var other = await citizen.PostAsJsonAsync("/api/feedback", new { about = "regulation", content = "Quy định cũ.", contact = "x@example.vn" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (sent.StatusCode, other.StatusCode));

        var page = await SignedInAsync(Officer.Subject, "officer", OneStop);
        await page.GotoAsync("/feedback");
        var row = page.Locator($"tr[data-feedback='{id}']");
        await Expect(row).ToContainTextAsync("Quầy số 3 đóng cửa sớm.");
        await Expect(page.Locator("tr[data-feedback]")).ToHaveCountAsync(1);
        await row.Locator("textarea").FillAsync("Đơn vị đã bố trí trực quầy đến 17:00.");
        await row.Locator("input[name=publish]").CheckAsync();
        await row.Locator("button[type=submit]").ClickAsync();

        await Expect(page.Locator(".alert-success")).ToContainTextAsync(id);
        await Expect(page.Locator($"tr[data-feedback='{id}']")).ToContainTextAsync("đã công khai");
        await ScreenshotAsync(page, "feedback");
        using var director = await Engine.ClientAsync("director", ["director"], "");
        var all = await director.GetFromJsonAsync<JsonElement>($"/api/feedback?year={monday.Year}");
        var answered = all.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id).GetProperty("feedback").GetProperty("answer");
        Assert.Equal(("Đơn vị đã bố trí trực quầy đến 17:00.", true, Officer.Subject),
            (answered.GetProperty("text").GetString(), answered.GetProperty("published").GetBoolean(), answered.GetProperty("by").GetString()));
    }
}
