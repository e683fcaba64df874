using System.Text;
using Orleans.TestingHost;

namespace HccOrleans.Tests.Api;

[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class DossierApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task Walkthrough_SubmitToReturn_OverHttp()
    {
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var (created, dossier) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", Request(), idempotencyKey: "walkthrough-" + monday.ToString("yyMMdd"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = dossier.GetProperty("code").GetString()!;
        Assert.Equal($"/api/dossiers/{code}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal("submitted", dossier.GetProperty("status").GetString());

        var (received, receivedBody) = await PostAsync(officer, $"/api/dossiers/{code}/receive", ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Equal(monday.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), receivedBody.GetProperty("dueAt").GetString());
        Assert.EndsWith("+07:00", receivedBody.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(("transfer", "decree-118-2025"), (receivedBody.GetProperty("step").GetString(), receivedBody.GetProperty("regime").GetString()));
        var (transferred, _) = await PostAsync(officer, $"/api/dossiers/{code}/transfer", new { note = "Bàn giao hồ sơ giấy" }, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible", note = "Đủ điều kiện" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await LeaderAsync(), $"/api/dossiers/{code}/approve", new { note = "Đồng ý" })).Response.StatusCode);
        var (returned, returnedBody) = await PostAsync(officer, $"/api/dossiers/{code}/return", new { method = "counter" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("\"6\"", returned.Headers.ETag?.Tag);

        var (read, readBody) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("returned", readBody.GetProperty("status").GetString());
        Assert.Equal(10, readBody.GetProperty("nationalStatusCode").GetInt32());
        Assert.Equal("early", readBody.GetProperty("completion").GetString());
        Assert.Equal(["submit", "receive", "transfer", "appraise", "approve", "return"],
            readBody.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(returnedBody.GetProperty("version").GetInt64(), readBody.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Submit_SameKeySameBody_Returns200WithTheSameDossier_AnotherBody409()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var key = Guid.NewGuid().ToString();

        var (first, firstBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", Request(), idempotencyKey: key);
        var (again, againBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", Request(), idempotencyKey: key);
        var (other, otherBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", Request(name: "Lê Văn Cường"), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstBody.GetProperty("code").GetString(), againBody.GetProperty("code").GetString());
        AssertProblem(other, otherBody, HttpStatusCode.Conflict, "idempotency-key-reused");
    }

    [Fact]
    public async Task BadRequests_Get400WithTheFieldNamed()
    {
        var officer = await OfficerAsync();

        var (noKey, noKeyBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", Request());
        AssertProblem(noKey, noKeyBody, HttpStatusCode.BadRequest, "validation");
        Assert.True(noKeyBody.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        var invalid = Request() with { Applicant = new Applicant("", "12-34", "phone", null, null) };
        var (bad, badBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", invalid, idempotencyKey: Guid.NewGuid().ToString());
        AssertProblem(bad, badBody, HttpStatusCode.BadRequest, "validation");
        var errors = badBody.GetProperty("errors");
        Assert.True(errors.TryGetProperty("applicant.name", out _));
        Assert.True(errors.TryGetProperty("applicant.idNumber", out _));
        Assert.True(errors.TryGetProperty("applicant.phone", out _));

        var emailWithoutAddress = Request() with { Applicant = Request().Applicant with { Email = null, Notify = NoticeChannel.Email } };
        var (noAddress, noAddressBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", emailWithoutAddress, idempotencyKey: Guid.NewGuid().ToString());
        AssertProblem(noAddress, noAddressBody, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("Art. 17(2)", noAddressBody.GetProperty("errors").GetProperty("applicant.notify")[0].GetString(), StringComparison.Ordinal);

        var malformed = new StringContent("""{"procedureCode":"x","channel":"fax"}""", Encoding.UTF8, "application/json");
        var (broken, brokenBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", malformed, idempotencyKey: Guid.NewGuid().ToString());
        AssertProblem(broken, brokenBody, HttpStatusCode.BadRequest, "malformed-request");
        Assert.True(brokenBody.GetProperty("errors").TryGetProperty("channel", out _));

        var code = await SubmitAsync(officer);
        var (badIfMatch, badIfMatchBody) = await PostAsync(officer, $"/api/dossiers/{code}/receive", ifMatch: "\"one\"");
        AssertProblem(badIfMatch, badIfMatchBody, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task NoOrInvalidToken_Gets401Problem()
    {
        var anonymous = Api.CreateClient();
        var (none, noneBody) = await SendAsync(anonymous, HttpMethod.Get, "/api/dossiers/000.00.99.H47-300107-0001");
        AssertProblem(none, noneBody, HttpStatusCode.Unauthorized);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");
        var (forged, forgedBody) = await SendAsync(anonymous, HttpMethod.Get, "/api/procedures");
        AssertProblem(forged, forgedBody, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SpecialistOfAnotherAgency_Gets403AndNothingChanges()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);

        var (forbidden, body) = await PostAsync(await SpecialistAsync(AgencyB), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        AssertProblem(forbidden, body, HttpStatusCode.Forbidden, "not-permitted");
        var (readForbidden, readBody) = await SendAsync(await SpecialistAsync("SYT"), HttpMethod.Get, $"/api/dossiers/{code}");
        AssertProblem(readForbidden, readBody, HttpStatusCode.Forbidden, "not-permitted");

        var (_, after) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(3, after.GetProperty("version").GetInt64());
        Assert.Equal("appraise", after.GetProperty("step").GetString());
    }

    [Fact]
    public async Task NonAdmin_WritingTheCatalogue_Gets403()
    {
        var (response, body) = await SendAsync(await OfficerAsync(), HttpMethod.Put, $"/api/procedures/{Standard}", Procedures[0].Definition);
        AssertProblem(response, body, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownOrMalformedCode_Gets404()
    {
        var officer = await OfficerAsync();

        var (unknown, unknownBody) = await SendAsync(officer, HttpMethod.Get, "/api/dossiers/000.00.99.H47-300107-9999");
        AssertProblem(unknown, unknownBody, HttpStatusCode.NotFound, "dossier-not-found");
        var (malformed, malformedBody) = await PostAsync(officer, "/api/dossiers/not-a-code/receive");
        AssertProblem(malformed, malformedBody, HttpStatusCode.NotFound, "dossier-not-found");
    }

    [Fact]
    public async Task InvalidTransitionOrStaleVersion_Gets409WithTheCurrentStatus()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);

        var (invalid, invalidBody) = await PostAsync(officer, $"/api/dossiers/{code}/return", new { method = "counter" });
        AssertProblem(invalid, invalidBody, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal("submitted", invalidBody.GetProperty("currentStatus").GetString());

        await PostAsync(officer, $"/api/dossiers/{code}/receive", ifMatch: "\"1\"");
        var (stale, staleBody) = await PostAsync(officer, $"/api/dossiers/{code}/withdraw", new { reason = "x" }, ifMatch: "\"1\"");
        AssertProblem(stale, staleBody, HttpStatusCode.Conflict, "stale-version");
        Assert.Equal("processing", staleBody.GetProperty("currentStatus").GetString());
        Assert.Equal(2, staleBody.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task SecondSupplementRequestDuringProcessing_Gets422()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var specialist = await SpecialistAsync();
        var code = await SubmitAsync(officer);
        await ReceiveAsync(officer, code);
        var (first, firstBody) = await PostAsync(specialist, $"/api/dossiers/{code}/request-supplement", new { reason = "Thiếu", items = new[] { "Bản vẽ" } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("supplement-requested", firstBody.GetProperty("status").GetString());
        await PostAsync(officer, $"/api/dossiers/{code}/supplement", new { note = "Đã bổ sung" });

        var (second, secondBody) = await PostAsync(specialist, $"/api/dossiers/{code}/request-supplement", new { reason = "Lại thiếu", items = new[] { "Khác" } });

        AssertProblem(second, secondBody, HttpStatusCode.UnprocessableEntity, "supplement-request-once");
    }

    [Fact]
    public async Task OnlineFilingForACounterOnlyProcedure_Gets422()
    {
        var portal = await Api.ClientAsync("portal", ["portal"], "");
        var (response, body) = await SendAsync(portal, HttpMethod.Post, "/api/dossiers", Request(CounterOnly, FilingChannel.Online), idempotencyKey: Guid.NewGuid().ToString());
        AssertProblem(response, body, HttpStatusCode.UnprocessableEntity, "channel-not-offered");
    }

    [Fact]
    public async Task StorageFailureOnWrite_Gets503WithRetryAfterAndNothingChanges()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer);
        var grains = (IGrainFactory)Api.Services.GetService(typeof(IGrainFactory))!;
        await grains.GetGrain<IStorageFaultGrain>("dossier")
            .AddFaultOnWrite(GrainId.Create("dossier", code), new Npgsql.NpgsqlException("connection refused (injected)"));

        var (failed, failedBody) = await PostAsync(officer, $"/api/dossiers/{code}/receive");

        AssertProblem(failed, failedBody, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(5), failed.Headers.RetryAfter?.Delta);
        var (_, unchanged) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{code}");
        Assert.Equal(("submitted", 1L), (unchanged.GetProperty("status").GetString(), unchanged.GetProperty("version").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer, $"/api/dossiers/{code}/receive")).Response.StatusCode);
    }

    [Fact]
    public async Task Lookup_MatchesCodeAndIdNumber_ThenRateLimits()
    {
        Api.Clock.StartNextWeek();
        var code = await SubmitAsync(await OfficerAsync());
        var citizen = Api.CreateClient();

        var (found, foundBody) = await SendAsync(citizen, HttpMethod.Get, $"/api/lookup?code={code}&idNumber=049190004321");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("Mới đăng ký, chờ tiếp nhận", foundBody.GetProperty("statusName").GetString());
        Assert.False(foundBody.TryGetProperty("applicant", out _));

        var (wrongId, wrongIdBody) = await SendAsync(citizen, HttpMethod.Get, $"/api/lookup?code={code}&idNumber=000000000000");
        AssertProblem(wrongId, wrongIdBody, HttpStatusCode.NotFound);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ApiFixture.LookupPermitsPerMinute; i++)
        {
            statuses.Add((await SendAsync(citizen, HttpMethod.Get, $"/api/lookup?code={code}&idNumber=049190004321")).Response.StatusCode);
        }

        var (limited, limitedBody) = await SendAsync(citizen, HttpMethod.Get, $"/api/lookup?code={code}&idNumber=049190004321");
        AssertProblem(limited, limitedBody, HttpStatusCode.TooManyRequests);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Append(limited.StatusCode));
    }

    [Fact]
    public async Task RegistrationNumberAndOfficialCode_BothFindTheDossier_OverHttpAndInTheLookup()
    {
        Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var registration = await SubmitAsync(officer);
        var (_, submitted) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{registration}");
        Assert.False(submitted.TryGetProperty("officialCode", out _));

        var (_, received) = await ReceiveAsync(officer, registration);
        var official = received.GetProperty("officialCode").GetString()!;
        Assert.NotEqual(registration, official);

        var (byOfficial, byOfficialBody) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{official}");
        Assert.Equal(HttpStatusCode.OK, byOfficial.StatusCode);
        Assert.Equal((registration, official), (byOfficialBody.GetProperty("code").GetString(), byOfficialBody.GetProperty("officialCode").GetString()));
        var (appraised, _) = await PostAsync(await SpecialistAsync(), $"/api/dossiers/{official}/appraise", new { outcome = "eligible" });
        Assert.Equal(HttpStatusCode.OK, appraised.StatusCode);

        var citizen = Api.CreateClient();
        foreach (var code in new[] { registration, official })
        {
            var (found, foundBody) = await SendAsync(citizen, HttpMethod.Get, $"/api/lookup?code={code}&idNumber=049190004321");
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal(official, foundBody.GetProperty("code").GetString());
        }
    }
}
