namespace HccOrleans.Tests.Api;

/// <summary>The v1.1 contract over HTTP: the due-date preview, payment and stop, the citizen's rating, the calendar's lists.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class RulesApiTests(ApiFixture api) : ApiTestBase(api)
{
    private static DateTimeOffset At(JsonElement element, string property) => element.GetProperty(property).GetDateTimeOffset();

    [Fact]
    public async Task DuePreview_ThenReceiptAtTheSameInstant_GivesTheSameInstants()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        // Friday 16:30 of the inter-agency procedure: the appraisal belongs to AGA, the approval to AGB.
        var friday = monday.AddDays(4).AddHours(8.5);

        var (response, preview) = await SendAsync(officer, HttpMethod.Get, $"/api/calendar/due?procedure={InterAgency}&from={Instant(friday)}&channel=direct");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var steps = preview.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.Equal((friday, friday), (At(preview, "from"), At(preview, "clockStart")));
        Assert.Equal(["appraise", "approve", "return"], steps.Keys);
        Assert.Equal(("AGA", "AGB"), (steps["appraise"].GetProperty("agencyCode").GetString(), steps["approve"].GetProperty("agencyCode").GetString()));

        var code = await SubmitAsync(officer, Request(InterAgency));
        Api.Clock.MoveTo(friday);
        var (_, received) = await ReceiveAsync(officer, code);
        Assert.Equal(At(preview, "clockStart"), At(received, "clockStartedAt"));
        Assert.Equal(At(preview, "dueAt"), At(received, "dueAt"));
        Assert.Equal(At(steps["appraise"], "dueAt"), At(received, "stepDueAt"));

        // Appraised exactly when the preview said the appraisal was due: the approval step is then due when it said.
        Api.Clock.MoveTo(At(steps["appraise"], "dueAt"));
        var (_, appraised) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        Assert.Equal(At(steps["approve"], "dueAt"), At(appraised, "stepDueAt"));
    }

    [Fact]
    public async Task DuePreview_BadInput_IsRefusedWithTheReason()
    {
        var officer = await OfficerAsync();

        var (badInstant, badInstantBody) = await SendAsync(officer, HttpMethod.Get, $"/api/calendar/due?procedure={Standard}&from=tomorrow");
        AssertProblem(badInstant, badInstantBody, HttpStatusCode.BadRequest, "validation");
        Assert.True(badInstantBody.GetProperty("errors").TryGetProperty("from", out _));

        var (unknown, unknownBody) = await SendAsync(officer, HttpMethod.Get, "/api/calendar/due?procedure=9.999999.000.00.00.T");
        AssertProblem(unknown, unknownBody, HttpStatusCode.NotFound, "procedure-not-found");

        var (offline, offlineBody) = await SendAsync(officer, HttpMethod.Get, $"/api/calendar/due?procedure={CounterOnly}&channel=online");
        AssertProblem(offline, offlineBody, HttpStatusCode.UnprocessableEntity, "channel-not-offered");

        var (anonymous, _) = await SendAsync(Api.CreateClient(), HttpMethod.Get, $"/api/calendar/due?procedure={Standard}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task PaymentAndWithdrawal_OverHttp_ShowInTheDossier_AndNoAgencyStops()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);

        Api.Clock.MoveTo(monday.AddHours(2));
        var (missing, missingBody) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/request-payment", new { note = "Lệ phí" });
        AssertProblem(missing, missingBody, HttpStatusCode.BadRequest, "validation");
        var (requested, awaiting) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/request-payment", new { amount = 200000, note = "Lệ phí" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Equal(("awaiting-payment", 6), (awaiting.GetProperty("status").GetString(), awaiting.GetProperty("nationalStatusCode").GetInt32()));
        Assert.Equal(200000m, awaiting.GetProperty("payment").GetProperty("amount").GetDecimal());

        var (stop, stopBody) = await PostAsync(await LeaderAsync(), $"/api/dossiers/{code}/stop", new { reason = "Dừng" });
        AssertProblem(stop, stopBody, HttpStatusCode.Conflict, "no-agency-stop");
        Assert.Contains("Decree 118/2025/NĐ-CP", stopBody.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Api.Clock.MoveTo(monday.AddHours(5));
        var (_, paid) = await PostAsync(officer, $"/api/dossiers/{code}/pay", new { receiptNumber = "BL-2030-77", amount = 200000 });
        Assert.Equal(("processing", "BL-2030-77"), (paid.GetProperty("status").GetString(), paid.GetProperty("payment").GetProperty("receiptNumber").GetString()));
        Assert.Equal(0m, paid.GetProperty("pausedWorkingHours").GetDecimal()); // the procedure does not say a payment stops the clock

        var (_, withdrawn) = await PostAsync(officer, $"/api/dossiers/{code}/withdraw", new { reason = "Công dân xin rút hồ sơ" });
        Assert.Equal(("withdrawn", 7), (withdrawn.GetProperty("status").GetString(), withdrawn.GetProperty("nationalStatusCode").GetInt32()));
        Assert.True(withdrawn.TryGetProperty("closedAt", out _));
        var (_, lookup) = await SendAsync(Api.CreateClient(), HttpMethod.Get, $"/api/lookup?code={code}&idNumber=049190004321");
        Assert.Equal("Đã rút hồ sơ", lookup.GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task Rating_ByTheApplicantOfAReturnedDossier_IsTakenOnce()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        var citizen = Api.CreateClient();
        object Rating(string idNumber) => new { idNumber, rating = "very-satisfied", comment = "Nhanh, chu đáo" };

        var (early, earlyBody) = await SendAsync(citizen, HttpMethod.Post, $"/api/dossiers/{code}/rating", Rating("049190004321"));
        AssertProblem(early, earlyBody, HttpStatusCode.UnprocessableEntity, "rating-not-returned");

        await ReceiveAsync(officer, code);
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        await PostAsync(await LeaderAsync(), $"/api/dossiers/{code}/approve", new { });
        var (_, returned) = await PostAsync(officer, $"/api/dossiers/{code}/return", new { method = "counter" });

        var (stranger, strangerBody) = await SendAsync(citizen, HttpMethod.Post, $"/api/dossiers/{code}/rating", Rating("000000000000"));
        AssertProblem(stranger, strangerBody, HttpStatusCode.NotFound, "dossier-not-found");
        var (rated, ratedBody) = await SendAsync(citizen, HttpMethod.Post, $"/api/dossiers/{code}/rating", Rating("049190004321"));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(("very-satisfied", "Nhanh, chu đáo"), (ratedBody.GetProperty("rating").GetString(), ratedBody.GetProperty("comment").GetString()));
        var (again, againBody) = await SendAsync(citizen, HttpMethod.Post, $"/api/dossiers/{code}/rating", Rating("049190004321") );
        AssertProblem(again, againBody, HttpStatusCode.UnprocessableEntity, "rating-once");

        var (_, dossier) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal("very-satisfied", dossier.GetProperty("rating").GetProperty("rating").GetString());
        Assert.Equal(returned.GetProperty("version").GetInt64() + 1, dossier.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Rating_UnknownWord_Is400AndChangesNothing()
    {
        var (response, body) = await SendAsync(Api.CreateClient(), HttpMethod.Post, "/api/dossiers/000.00.99.H47-300101-0001/rating",
            new { idNumber = "049190004321", rating = "delighted" });

        AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("rating", out _));
    }

    [Fact]
    public async Task PutCalendar_DateInBothLists_Gets400AndTheYearStaysProvisional()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");

        var (response, body) = await SendAsync(admin, HttpMethod.Put, "/api/calendar/2036",
            new { holidays = new[] { new DateOnly(2036, 1, 1), new DateOnly(2036, 4, 26) }, workingDays = new[] { new DateOnly(2036, 4, 26) } });

        AssertProblem(response, body, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("2036-04-26", body.GetProperty("errors").GetProperty("workingDays")[0].GetString(), StringComparison.Ordinal);
        var (_, year) = await SendAsync(admin, HttpMethod.Get, "/api/calendar/2036");
        Assert.True(year.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task PutCalendar_EnteredYear_IsExactlyTheListsAndNotProvisional()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        // 2037: 1 Jan is a Thursday; entered with the announced Friday off and Saturday 10 Jan worked in exchange.
        var holidays = new[] { new DateOnly(2037, 1, 1), new DateOnly(2037, 1, 2) };

        var (response, body) = await SendAsync(admin, HttpMethod.Put, "/api/calendar/2037", new { holidays, workingDays = new[] { new DateOnly(2037, 1, 10) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, year) = await SendAsync(await OfficerAsync(), HttpMethod.Get, "/api/calendar/2037");
        Assert.False(year.GetProperty("provisional").GetBoolean());
        Assert.Equal(["2037-01-01", "2037-01-02"], year.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2037-01-10"], year.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.False(body.GetProperty("provisional").GetBoolean());
    }
}
