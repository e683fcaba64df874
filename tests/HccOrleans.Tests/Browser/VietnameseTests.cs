using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Browser;

/// <summary>
/// The pages people work in read in Vietnamese: every page of a walkthrough (the counter after a wrong entry included)
/// is searched for English sentences — three or more words of a list of common English words in one sentence. The
/// technical pages (the operators' dashboard, the API's own documents) are outside it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class VietnameseTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static readonly HashSet<string> CommonEnglish = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "is", "are", "was", "be", "must", "not", "and", "or", "of", "for", "with", "by", "at",
        "from", "this", "that", "it", "its", "has", "have", "can", "cannot", "will", "should", "required", "invalid", "found", "please",
        "you", "your", "error", "before", "after", "only", "once", "any", "all", "none", "than", "more", "less", "between", "digits",
        "characters", "number", "date", "name", "file", "type", "page", "status", "action", "due", "new", "not", "which",
    };

    [Fact]
    public async Task TheWalkthroughsPages_HaveNoEnglishSentence()
    {
        Engine.Clock.StartNextWeek();
        await ProvinceCatalogue.SeedAsync(Engine);
        var code = await SubmitAsync(receive: true);
        using (var specialist = await Engine.ClientAsync($"specialist.{AgencyA}", ["specialist"], AgencyA))
        {
            await ActAsync(specialist, code, "request-supplement", new { reason = "Thiếu bản vẽ", items = new[] { "Bản vẽ mặt bằng" } });
        }

        var found = new List<string>();
        var officer = await OfficerAsync();
        await officer.GotoAsync("/counter");
        await ChooseProcedureAsync(officer, TestCatalogue.Standard);
        await officer.FillAsync("#name", "Trần Văn Sai");
        await officer.FillAsync("#id-number", "12345");
        await officer.FillAsync("#phone", "09");
        await officer.FillAsync("#email", "khong-phai-email");
        await officer.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(officer.Locator(".alert-danger")).ToBeVisibleAsync();
        await CollectAsync(officer, "counter after a wrong entry", found);

        foreach (var path in new[] { "/queue", "/my-work", $"/dossiers/{code}", $"/api/dossiers/{code}/slips/receipt", $"/api/dossiers/{code}/slips/control", "/search?q=tran+thi", "/feedback" })
        {
            await officer.GotoAsync(path);
            await CollectAsync(officer, path, found);
        }

        var director = await DirectorAsync();
        foreach (var path in new[] { "/", "/?from=2026-12-31&through=2026-12-01", "/people/figures", "/monitor", "/no-such-page" })
        {
            var response = await director.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Equal(path == "/no-such-page" ? 404 : 200, response!.Status);
            await CollectAsync(director, path, found);
        }

        var citizen = await NewPageAsync(width: 360, height: 740);
        await citizen.GotoAsync($"/lookup?code={code}");
        await citizen.FillAsync("#id-number", "049190004321");
        await citizen.ClickAsync("form[aria-label='Tra cứu hồ sơ'] button[type=submit]");
        await Assertions.Expect(citizen.Locator("#next-steps")).ToBeVisibleAsync();
        await CollectAsync(citizen, "lookup", found);

        Assert.True(found.Count == 0, "English sentences on the pages:\n" + string.Join("\n", found));
    }

    private static async Task CollectAsync(IPage page, string where, List<string> found)
    {
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var sentence in Sentence().Split(text))
        {
            var words = Word().Matches(sentence).Select(m => m.Value).ToArray();
            if (words.Count(CommonEnglish.Contains) >= 3)
            {
                found.Add($"{where}: {sentence.Trim()}");
            }
        }
    }

    [GeneratedRegex(@"[.!?\n]+")]
    private static partial Regex Sentence();

    // Whole words only, and only those written in plain ASCII: Vietnamese words with marks are not English.
    [GeneratedRegex(@"(?<![\p{L}])[A-Za-z]+(?![\p{L}])")]
    private static partial Regex Word();
}
