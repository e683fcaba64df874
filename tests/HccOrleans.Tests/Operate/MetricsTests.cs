namespace HccOrleans.Tests.Operate;

/// <summary>
/// What an operator scrapes at <c>/metrics</c>: the engine's counters move by exactly what a walkthrough did, and the
/// endpoint is for directors and administrators only. Alone in its collection, so no other test's dossiers count.
/// </summary>
[Collection(MetricsCollection.Name)]
[Trait("Category", "Operate")]
public sealed class MetricsTests(ApiFixture api, Xunit.Abstractions.ITestOutputHelper output) : ApiTestBase(api)
{
    [Fact]
    public async Task AWalkthrough_MovesTheTransitionRejectionAndEscalationCounters_ByExactlyWhatItDid()
    {
        var monday = Api.Clock.StartNextWeek();
        var director = await Api.ClientAsync("director", ["director"], "");
        var before = await MetricsScrape.TakeAsync(director);

        var officer = await OfficerAsync();
        var finished = await SubmitAsync(officer);
        await ReceiveAsync(officer, finished);
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{finished}/appraise", new { outcome = "eligible" });
        await PostAsync(await LeaderAsync(), $"/api/dossiers/{finished}/approve", new { note = "Đồng ý" });
        await PostAsync(officer, $"/api/dossiers/{finished}/return", new { method = "counter" });
        var late = await SubmitAsync(officer);
        var (refused, _) = await PostAsync(officer, $"/api/dossiers/{late}/return", new { method = "counter" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await ReceiveAsync(officer, late);
        var (forbidden, _) = await PostAsync(await SpecialistAsync(AgencyB), $"/api/dossiers/{late}/appraise", new { outcome = "eligible" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Api.Clock.MoveTo(monday.AddDays(14).AddHours(1));
        var grains = (IGrainFactory)Api.Services.GetService(typeof(IGrainFactory))!;
        await grains.GetGrain<HccOrleans.Grains.Interfaces.IDossierGrain>(late).CheckDeadlinesAsync();
        var (_, lateDossier) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{late}");
        var recorded = lateDossier.GetProperty("escalations").EnumerateArray().GroupBy(e => e.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains("overdue", recorded.Keys);

        var after = await MetricsScrape.TakeAsync(director);
        double Moved(string metric, params string[] labels) => after.Sum(metric, labels) - before.Sum(metric, labels);
        Assert.Equal(2, Moved("hcc_dossier_transitions_total", "action=\"submit\"", "outcome=\"done\""));
        Assert.Equal(2, Moved("hcc_dossier_transitions_total", "action=\"receive\"", "outcome=\"done\""));
        Assert.Equal(1, Moved("hcc_dossier_transitions_total", "action=\"appraise\"", "outcome=\"done\""));
        Assert.Equal(1, Moved("hcc_dossier_transitions_total", "action=\"approve\"", "outcome=\"done\""));
        Assert.Equal(1, Moved("hcc_dossier_transitions_total", "action=\"return\"", "outcome=\"done\""));
        Assert.Equal(1, Moved("hcc_dossier_transitions_total", "action=\"return\"", "outcome=\"refused\""));
        Assert.Equal(1, Moved("hcc_dossier_transitions_total", "action=\"appraise\"", "outcome=\"refused\""));
        Assert.Equal(1, Moved("hcc_dossier_rejections_total", "action=\"return\"", "rule=\"invalid-transition\""));
        Assert.Equal(1, Moved("hcc_dossier_rejections_total", "action=\"appraise\"", "rule=\"not-permitted\""));
        foreach (var (kind, count) in recorded)
        {
            Assert.Equal(count, Moved("hcc_escalations_total", $"kind=\"{kind}\""));
            Assert.Equal(count, Moved("hcc_escalation_lateness_seconds_count", $"kind=\"{kind}\""));
        }

        Assert.Equal(recorded.Values.Sum(), Moved("hcc_escalations_total"));
        Assert.True(after.Sum("hcc_escalation_lateness_seconds_sum", "kind=\"overdue\"") > before.Sum("hcc_escalation_lateness_seconds_sum", "kind=\"overdue\""),
            "an overdue escalation recorded an hour after its due instant adds its lateness");
        RunReport.Write(output, "metrics", $"/metrics moved by exactly the walkthrough: {Moved("hcc_dossier_transitions_total", "outcome=\"done\"")} transitions done, " +
            $"{Moved("hcc_dossier_rejections_total")} refused, {Moved("hcc_escalations_total")} escalations");
        Assert.Contains(after.Lines, line => line.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(after.Lines, line => line.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AreForDirectorsAndAdministrators()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await OfficerAsync()).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Api.ClientAsync("admin", ["admin"], "")).GetAsync("/metrics")).StatusCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "metrics";
}
