namespace HccOrleans.Tests.Browser;

/// <summary>The dossier page of a late inter-agency dossier: its parts and who made it late.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LatenessPageTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task LateInterAgencyDossier_ShowsItsPartsAndTheLatenessSharesAddingUpToTheLateness()
    {
        // As in the cluster's lateness test: B overran its part by 16 h and the approval its share by 20 h; 8 h late.
        var monday = Engine.Clock.StartNextWeek();
        DateTimeOffset At(int days, int hour) => new(monday.Date.AddDays(days).AddHours(hour), monday.Offset);
        Engine.Clock.MoveTo(At(0, 9));
        var code = await SubmitAsync(receive: true, TestCatalogue.Request(LedByA));
        using var specialistA = await Engine.ClientAsync("specialist.a", ["specialist"], AgencyA);
        using var specialistB = await Engine.ClientAsync("specialist.b", ["specialist"], AgencyB);
        using var leaderA = await Engine.ClientAsync("leader.a", ["leader"], AgencyA);
        Engine.Clock.MoveTo(At(1, 9));
        await ActAsync(specialistA, code, "complete-part", new { agency = AgencyA, note = "Đã thẩm tra hồ sơ" });
        Engine.Clock.MoveTo(At(8, 9));
        await ActAsync(specialistB, code, "complete-part", new { agency = AgencyB, note = "Có ý kiến thống nhất" });
        Engine.Clock.MoveTo(At(8, 15));
        await ActAsync(specialistA, code, "appraise", new { outcome = "eligible", note = "Đủ điều kiện" });
        Engine.Clock.MoveTo(At(15, 9));
        await ActAsync(leaderA, code, "approve", new { note = "Đồng ý" });

        var director = await DirectorAsync();
        await director.GotoAsync($"/dossiers/{code}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var shares = director.Locator("#lateness-shares");
        await Assertions.Expect(shares.Locator("tbody tr[data-part]")).ToHaveCountAsync(4);
        Assert.Equal(["0", "267", "0", "213"], await shares.Locator("td[data-share-minutes]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.shareMinutes)"));
        await Assertions.Expect(director.Locator("#lateness-total")).ToHaveTextAsync("8 giờ");
        await Assertions.Expect(director.Locator("#parts tbody tr")).ToHaveCountAsync(2);

        // The transfer slip of the inter-agency work: unnumbered, each agency with its task and time limit.
        await director.GotoAsync($"/api/dossiers/{code}/slips/transfer");
        await Assertions.Expect(director.Locator(".title")).ToHaveTextAsync("PHIẾU CHUYỂN XỬ LÝ HỒ SƠ LIÊN THÔNG");
        await Assertions.Expect(director.Locator(".form-number")).Not.ToContainTextAsync("Mẫu số");
        await Assertions.Expect(director.Locator("#transfer-parts tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(director.Locator("#transfer-parts tbody tr").Nth(1)).ToContainTextAsync("3 ngày làm việc");
    }
}
