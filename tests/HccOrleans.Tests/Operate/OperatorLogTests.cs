namespace HccOrleans.Tests.Operate;

/// <summary>
/// The log lines an operator reads: each transition, refusal (with its rule), escalation and automatic stop names the
/// dossier's code, and no line anywhere in the host carries the applicant's name, ID number, phone or e-mail.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Operate")]
public sealed class OperatorLogTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task ChangesOfTheWorld_AreLoggedWithTheDossierCode_AndNoPersonalData()
    {
        var monday = Api.Clock.StartNextWeek();
        var person = new Applicant("Phạm Thị Nhật Ký", "079188812345", "0977000123", "nhatky@example.vn", "Hội An, Quảng Nam");
        var officer = await OfficerAsync();
        var request = Request() with { Applicant = person };
        var overdue = await SubmitAsync(officer, request);
        await ReceiveAsync(officer, overdue);
        var (forbidden, _) = await PostAsync(await SpecialistAsync(AgencyB), $"/api/dossiers/{overdue}/appraise", new { outcome = "eligible" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var waiting = await SubmitAsync(officer, request);
        await ReceiveAsync(officer, waiting);
        var (asked, _) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{waiting}/request-supplement", new { reason = "Thiếu", items = new[] { "Bản vẽ" } });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        Api.Clock.MoveTo(monday.AddDays(35));
        var grains = (IGrainFactory)Api.Services.GetService(typeof(IGrainFactory))!;
        await grains.GetGrain<HccOrleans.Grains.Interfaces.IDossierGrain>(overdue).CheckDeadlinesAsync();
        await grains.GetGrain<HccOrleans.Grains.Interfaces.IDossierGrain>(waiting).CheckDeadlinesAsync();

        var (_, overdueDossier) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{overdue}");
        var (_, unanswered) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{waiting}");
        Assert.Equal("supplement-unanswered", unanswered.GetProperty("escalations")[0].GetProperty("kind").GetString());
        var (_, closed) = await PostAsync(officer, $"/api/dossiers/{waiting}/close", new { reason = "Không bổ sung trong thời hạn" });
        Assert.Equal("stopped", closed.GetProperty("status").GetString());

        var lines = Api.Logs.Lines.ToList();
        List<LogLine> Of(string code, int eventId) => lines.Where(l => l.EventId == eventId && l.Values.GetValueOrDefault("DossierCode") == code).ToList();
        Assert.Equal(["submit", "receive", "transfer"], Of(overdue, 1001).Select(l => l.Values["Action"]));
        Assert.Equal(["submit", "receive", "transfer", "request-supplement", "close"], Of(waiting, 1001).Select(l => l.Values["Action"]));
        var refusal = Assert.Single(Of(overdue, 1002));
        Assert.Equal(("appraise", "not-permitted", AgencyB), (refusal.Values["Action"], refusal.Values["Rule"], refusal.Values["Agency"]));
        var escalationKeys = overdueDossier.GetProperty("escalations").EnumerateArray().Select(e => e.GetProperty("key").GetString()).Order().ToList();
        Assert.NotEmpty(escalationKeys);
        Assert.Equal(escalationKeys, Of(overdue, 1003).Select(l => l.Values["Key"]).Order());
        Assert.Equal("supplement-unanswered", Assert.Single(Of(waiting, 1003)).Values["Kind"]);

        string[] personal = [person.Name, person.IdNumber, person.Phone, person.Email!];
        var leaks = lines.Where(l => personal.Any(p => l.Message.Contains(p, StringComparison.Ordinal) || l.Values.Values.Any(v => v?.Contains(p, StringComparison.Ordinal) == true))).ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task EverySignIn_IsLogged_WithWhoAndHow()
    {
        var browser = Api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync("/signin");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var subject = $"leader.{Guid.NewGuid():N}"[..20];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subject"] = subject, ["role"] = "leader", ["agency"] = AgencyA, ["__RequestVerificationToken"] = antiforgery,
        });
        var signedIn = await browser.PostAsync("/signin?handler=Demo", form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var line = Assert.Single(Api.Logs.Lines, l => l.Values.GetValueOrDefault("Subject") == subject);
        Assert.Equal(("leader", AgencyA, "demo"), (line.Values["Roles"], line.Values["Agency"], line.Values["Method"]));
    }
}
