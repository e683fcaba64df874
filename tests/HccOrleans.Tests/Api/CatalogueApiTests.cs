namespace HccOrleans.Tests.Api;

[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class CatalogueApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task PutProcedure_WithoutASupplementPolicy_TakesTheRegimes_AndPaymentPausesClockIsTheProceduresOwn()
    {
        Api.Clock.StartNextWeek();
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        const string code = "9.000118.000.00.00.T";
        var definition = TestCatalogue.Procedures[0].Definition with { SupplementPolicy = null, PaymentPausesClock = true };

        var (put, putBody) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", definition);

        Assert.True(put.IsSuccessStatusCode, put.StatusCode.ToString());
        Assert.False(putBody.TryGetProperty("supplementPolicy", out _));
        var (zero, zeroBody) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", definition with { SupplementClosureDays = 0 });
        AssertProblem(zero, zeroBody, HttpStatusCode.BadRequest, "validation");
        Assert.True(zeroBody.GetProperty("errors").TryGetProperty("supplementClosureDays", out _));
        Assert.True(putBody.GetProperty("paymentPausesClock").GetBoolean());

        // Sector law says this obligation stops the clock: under Decree 118 it does, because the procedure says so.
        var officer = await OfficerAsync();
        var dossier = await SubmitAsync(officer, TestCatalogue.Request(code));
        await ReceiveAsync(officer, dossier);
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{dossier}/request-payment", new { amount = 100_000 });
        Api.Clock.MoveTo(Api.Clock.GetUtcNow().AddHours(2));
        var (_, paid) = await PostAsync(officer, $"/api/dossiers/{dossier}/pay", new { receiptNumber = "BL-118", amount = 100_000 });
        Assert.Equal(2m, paid.GetProperty("pausedWorkingHours").GetDecimal());
    }

    [Fact]
    public async Task PutProcedure_ChangeCreatesVersion_SameBodyDoesNot()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var code = "9.000100.000.00.00.T";
        var definition = TestCatalogue.Procedures[0].Definition;

        var (first, firstBody) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", definition);
        var (same, sameBody) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", definition);
        var (changed, changedBody) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", definition with { Fee = 50_000m });

        Assert.Equal((HttpStatusCode.OK, 1), (first.StatusCode, firstBody.GetProperty("version").GetInt32()));
        Assert.Equal(1, sameBody.GetProperty("version").GetInt32());
        Assert.Equal((HttpStatusCode.OK, 2), (changed.StatusCode, changedBody.GetProperty("version").GetInt32()));
        Assert.Equal("working-days", changedBody.GetProperty("processingTime").GetProperty("unit").GetString());

        var reader = await OfficerAsync();
        var (_, v1) = await SendAsync(reader, HttpMethod.Get, $"/api/procedures/{code}?version=1");
        Assert.Equal(0m, v1.GetProperty("fee").GetDecimal());
        var (_, list) = await SendAsync(reader, HttpMethod.Get, "/api/procedures");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("code").GetString() == code && p.GetProperty("version").GetInt32() == 2);
    }

    [Fact]
    public async Task PutCalendar_WeekdayAsSwappedWorkingDay_Gets400()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");

        var (response, body) = await SendAsync(admin, HttpMethod.Put, "/api/calendar/2035",
            new { holidays = new[] { new DateOnly(2035, 1, 1) }, workingDays = new[] { new DateOnly(2035, 1, 3) } });

        AssertProblem(response, body, HttpStatusCode.BadRequest, "validation");
        Assert.True(body.GetProperty("errors").TryGetProperty("workingDays", out _));
    }

    [Fact]
    public async Task GetCalendar_YearNeverEntered_IsProvisional()
    {
        var (response, body) = await SendAsync(await OfficerAsync(), HttpMethod.Get, "/api/calendar/2039");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("provisional").GetBoolean());
        Assert.Contains("2039-09-02", body.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Units_AreListedWithKebabCaseKinds()
    {
        var (response, body) = await SendAsync(await OfficerAsync(), HttpMethod.Get, "/api/units");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(body.EnumerateArray(), u => u.GetProperty("agencyCode").GetString() == TestCatalogue.OneStop && u.GetProperty("kind").GetString() == "service-center");
    }

    [Fact]
    public async Task OperationsEndpoints_AreServed()
    {
        var anonymous = Api.CreateClient();

        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/dossiers/{code}/receive", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/scalar")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }
}
