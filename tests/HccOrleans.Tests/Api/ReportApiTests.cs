namespace HccOrleans.Tests.Api;

/// <summary>Report II.06a and the KPIs over HTTP, on dossiers taken through the engine: reproducible, judged at min(to, now), scoped.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class ReportApiTests(ApiFixture api) : ApiTestBase(api)
{
    /// <summary>The query of the week that starts on <paramref name="monday"/> (08:00): midnight to midnight, Monday to Monday.</summary>
    private static string Week(DateTimeOffset monday) => $"from={Instant(monday.AddHours(-8))}&to={Instant(monday.AddDays(7).AddHours(-8))}";

    /// <summary>An agency of the test's own with a 3-working-day procedure per supplement policy, so that no other test's dossiers count.</summary>
    private async Task<(string Pause, string Restart)> AgencyAsync(string agency)
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        // Each agency its own electronic ID (its letters' codes): receipts issue official codes from it.
        var (unit, _) = await SendAsync(admin, HttpMethod.Put, $"/api/units/{agency}",
            new { name = $"Sở {agency}", electronicId = $"000.{(int)agency[1]:D2}.{(int)agency[^1]:D2}.H47", kind = "agency" });
        Assert.True(unit.IsSuccessStatusCode, $"unit {agency}: {unit.StatusCode}");
        var definition = Procedures[0].Definition with { AgencyCode = agency, ProcessingTime = new ProcessingTime(3, TimeUnit.WorkingDays) };
        var (pause, restart) = ($"9.{agency}.P", $"9.{agency}.R");
        await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{pause}", definition with { SupplementPolicy = SupplementPolicy.Pause });
        await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{restart}", definition with { SupplementPolicy = SupplementPolicy.Restart });
        return (pause, restart);
    }

    private async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Report06a_OfAClosedWeek_IsByteForByteTheSameAfterLaterEvents()
    {
        const string agency = "AGW";
        var (pause, restart) = await AgencyAsync(agency);
        var monday = Api.Clock.StartNextWeek();
        var (officer, specialist, leader) = (await OfficerAsync(), await SpecialistAsync(agency), await LeaderAsync(agency));
        async Task<string> Received(string procedure, DateTimeOffset at)
        {
            var code = await SubmitAsync(officer, Request(procedure));
            Api.Clock.MoveTo(at);
            await ReceiveAsync(officer, code);
            return code;
        }

        var early = await Received(pause, monday);                 // due Thu 08:00; approved Tuesday
        var overdue = await Received(pause, monday.AddHours(1));   // due Thu 09:00: overdue when the week ends
        Api.Clock.MoveTo(monday.AddDays(1).AddHours(2));
        await PostAsync(specialist, $"/api/dossiers/{early}/appraise", new { outcome = "eligible" });
        await PostAsync(leader, $"/api/dossiers/{early}/approve", new { });
        var paused = await Received(restart, monday.AddDays(2));           // waiting for a supplement when the week ends
        Api.Clock.MoveTo(monday.AddDays(2).AddHours(2));
        await PostAsync(specialist, $"/api/dossiers/{paused}/request-supplement", new { reason = "Thiếu", items = new[] { "Bản vẽ" } });
        var within = await Received(pause, monday.AddDays(4));             // due next Wednesday: within its deadline

        var week = $"{Week(monday)}&agency={agency}";
        Api.Clock.MoveTo(monday.AddDays(7).AddHours(1));
        var director = await Api.ClientAsync("director", ["director"], "");
        var json = await TextAsync(director, $"/api/reports/06a?{week}");
        var csv = await TextAsync(director, $"/api/reports/06a?{week}&format=csv");
        var form07a = await TextAsync(director, $"/api/reports/07a?{week}");
        var csv07a = await TextAsync(director, $"/api/reports/07a?{week}&format=csv");
        var xlsx07a = await director.GetByteArrayAsync($"/api/reports/07a?{week}&format=xlsx");

        var total = JsonDocument.Parse(json).RootElement.GetProperty("total");
        Assert.Equal((4, 4, 0), (total.GetProperty("toHandle").GetInt32(), total.GetProperty("received").GetProperty("total").GetInt32(), total.GetProperty("carriedOver").GetInt32()));
        Assert.Equal((1, 1), (total.GetProperty("resolved").GetProperty("total").GetInt32(), total.GetProperty("resolved").GetProperty("early").GetInt32()));
        Assert.Equal((3, 2, 1), (total.GetProperty("inProgress").GetProperty("total").GetInt32(),
            total.GetProperty("inProgress").GetProperty("withinDeadline").GetInt32(), total.GetProperty("inProgress").GetProperty("overdue").GetInt32()));
        Assert.Equal(monday.AddDays(7).AddHours(-8), JsonDocument.Parse(json).RootElement.GetProperty("asOf").GetDateTimeOffset());

        // The next week: a pause, a supplement, an apology and a withdrawal on the week's dossiers.
        Api.Clock.MoveTo(monday.AddDays(7).AddHours(2));
        await PostAsync(specialist, $"/api/dossiers/{within}/request-payment", new { amount = 100000 });
        await PostAsync(officer, $"/api/dossiers/{paused}/supplement", new { note = "Đã nộp" });
        await PostAsync(leader, $"/api/dossiers/{overdue}/apologize", new { reason = "Chậm", newDueAt = monday.AddDays(10).AddHours(9) });
        await PostAsync(officer, $"/api/dossiers/{within}/withdraw", new { reason = "Công dân xin rút" });
        Assert.Equal("withdrawn", (await SendAsync(director, HttpMethod.Get, $"/api/dossiers/{within}")).Body.GetProperty("status").GetString());
        Api.Clock.MoveTo(monday.AddDays(9));

        Assert.Equal(json, await TextAsync(director, $"/api/reports/06a?{week}"));
        Assert.Equal(csv, await TextAsync(director, $"/api/reports/06a?{week}&format=csv"));
        Assert.Equal(form07a, await TextAsync(director, $"/api/reports/07a?{week}"));
        Assert.Equal(csv07a, await TextAsync(director, $"/api/reports/07a?{week}&format=csv"));
        Assert.Equal(xlsx07a, await director.GetByteArrayAsync($"/api/reports/07a?{week}&format=xlsx"));
    }

    [Fact]
    public async Task Report07a_Xlsx_ValidatesReadsBackAndIsHeadedAsTheForm()
    {
        const string agency = "AGX";
        var (pause, _) = await AgencyAsync(agency);
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        await ReceiveAsync(officer, await SubmitAsync(officer, Request(pause)));
        await ReceiveAsync(officer, await SubmitAsync(officer, Request(pause, FilingChannel.Postal)));
        Api.Clock.MoveTo(monday.AddDays(1));
        var director = await Api.ClientAsync("director", ["director"], "");
        var query = $"{Week(monday)}&agency={agency}";

        using var response = await director.GetAsync($"/api/reports/07a?{query}&format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HccOrleans.Api.Exports.FormSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(problems);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .ToDictionary(r => (int)r.RowIndex!.Value, r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray());
        Assert.Equal(Grains.Interfaces.Reports.Report07aColumns.All.Select(Grains.Interfaces.Reports.Report07aColumns.Numbered), rows[5]);
        Assert.StartsWith("(3) Tổng số hồ sơ tiếp nhận", rows[5][2], StringComparison.Ordinal);
        // One field, then the total: two received this week, one at the counter and one by post, both within their deadline.
        Assert.Equal(["1", "Thử nghiệm", "2", "0", "0", "1", "1", "0", "0", "0", "0", "0", "2", "2", "0", "0"], rows[6]);
        Assert.Equal(["", "Tổng cộng", "2", "0", "0", "1", "1", "0", "0", "0", "0", "0", "2", "2", "0", "0"], rows[7]);
        Assert.Contains(agency, rows[2][0], StringComparison.Ordinal);
        // No entry carries the instant it was written, so a closed period's file is the same on every download.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.All(zip.Entries, e => Assert.Equal(2000, e.LastWriteTime.Year));
    }

    [Fact]
    public async Task Periods_OfAYear_AreTheOfficialOnesWithTheirForm()
    {
        var (response, body) = await SendAsync(await OfficerAsync(), HttpMethod.Get, "/api/reports/periods?kind=month&year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var months = body.EnumerateArray().ToList();
        Assert.Equal([1, 2, 4, 5, 7, 8, 10, 11], months.Select(m => m.GetProperty("number").GetInt32()));
        var november = months[^1];
        Assert.Equal(("month", "Tháng 11/2026", "2026-10-15", "2026-11-14", "07a"), (november.GetProperty("kind").GetString(), november.GetProperty("label").GetString(),
            november.GetProperty("first").GetString(), november.GetProperty("last").GetString(), november.GetProperty("form").GetString()));
    }

    [Theory]
    [InlineData("/api/reports/periods?kind=fortnight", "kind")]
    [InlineData("/api/reports/periods?year=19999", "year")]
    [InlineData("/api/reports/07a?from=2026-11-14&to=2026-10-15", "to")]
    [InlineData("/api/reports/07a?from=2026-10-15&to=2026-10-15", "to")]
    [InlineData("/api/reports/07a?from=2026-10-15&to=2026-11-15&format=pdf", "format")]
    public async Task BadPeriodQuestions_Get400NamingTheField(string url, string field)
    {
        var (response, body) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get, url);

        AssertProblem(response, body, HttpStatusCode.BadRequest, "validation");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Report06a_Csv_IsTheSameTable()
    {
        const string agency = "AGC";
        var (pause, _) = await AgencyAsync(agency);
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer, Request(pause));
        await ReceiveAsync(officer, code);
        Api.Clock.MoveTo(monday.AddDays(1));
        var director = await Api.ClientAsync("director", ["director"], "");
        var query = $"{Week(monday)}&agency={agency}";

        using var response = await director.GetAsync($"/api/reports/06a?{query}&format=csv");
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("Mã cơ quan,Cơ quan,Lĩnh vực,Tổng số hồ sơ phải giải quyết,Kỳ trước chuyển qua,Mới tiếp nhận: tổng số,", csv[0], StringComparison.Ordinal);
        // One dossier, received, in progress within its deadline: the agency's row (its name beside its code) and the
        // total read the same; the period in the center's dates and times.
        Assert.Matches($@"^{agency},[^,]+,,1,0,1,0,1,0,0,0,0,0,0,1,1,0(,\d\d/\d\d/\d{{4}} \d\d:\d\d){{3}}$", csv[1]);
        Assert.DoesNotMatch($"^{agency},{agency},", csv[1]);
        Assert.StartsWith(",Tổng cộng,,1,0,1,0,1,0,0,0,0,0,0,1,1,0,", csv[2], StringComparison.Ordinal);
        var (bad, badBody) = await SendAsync(director, HttpMethod.Get, $"/api/reports/06a?{query}&format=xlsx");
        AssertProblem(bad, badBody, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Report06a_ToInTheFuture_IsJudgedNowAndNothingIsOverdueBeforeItIsDue()
    {
        const string agency = "AGF";
        var (pause, _) = await AgencyAsync(agency);
        var monday = Api.Clock.StartNextWeek();
        var officer = await OfficerAsync();
        var code = await SubmitAsync(officer, Request(pause));
        await ReceiveAsync(officer, code); // due Thursday 08:00, before the period's end
        Api.Clock.MoveTo(monday.AddDays(1));
        var director = await Api.ClientAsync("director", ["director"], "");

        var (_, report) = await SendAsync(director, HttpMethod.Get,
            $"/api/reports/06a?{Week(monday)}&agency={agency}");

        Assert.Equal(monday.AddDays(1), report.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal((1, 0), (report.GetProperty("total").GetProperty("inProgress").GetProperty("withinDeadline").GetInt32(),
            report.GetProperty("total").GetProperty("inProgress").GetProperty("overdue").GetInt32()));
    }

    [Fact]
    public async Task Kpi_AverageResolution_IsExactUnderBothSupplementPolicies()
    {
        const string agency = "AGK";
        var (pause, restart) = await AgencyAsync(agency);
        var monday = Api.Clock.StartNextWeek();
        var (officer, specialist, leader) = (await OfficerAsync(), await SpecialistAsync(agency), await LeaderAsync(agency));
        var codes = new[] { await SubmitAsync(officer, Request(pause)), await SubmitAsync(officer, Request(restart)) };
        foreach (var code in codes)
        {
            await ReceiveAsync(officer, code);
        }

        Api.Clock.MoveTo(monday.AddHours(2));
        foreach (var code in codes)
        {
            await PostAsync(specialist, $"/api/dossiers/{code}/request-supplement", new { reason = "Thiếu", items = new[] { "Bản vẽ" } });
        }

        Api.Clock.MoveTo(monday.AddDays(1).AddHours(2));
        foreach (var code in codes)
        {
            await PostAsync(officer, $"/api/dossiers/{code}/supplement", new { });
            await PostAsync(specialist, $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        }

        Api.Clock.MoveTo(monday.AddDays(2).AddHours(3));
        foreach (var code in codes)
        {
            await PostAsync(leader, $"/api/dossiers/{code}/approve", new { });
        }

        Api.Clock.MoveTo(monday.AddDays(2).AddHours(4));
        var director = await Api.ClientAsync("director", ["director"], "");
        var (_, kpi) = await SendAsync(director, HttpMethod.Get,
            $"/api/reports/kpi?{Week(monday)}&agency={agency}");

        // Monday 08:00 → Wednesday 11:00 is 7 + 8 + 4 = 19 working hours, 8 of them waiting for the supplement: 11 h = 1.375 days.
        Assert.Equal(1.38m, kpi.GetProperty("averageResolutionWorkingDays").GetDecimal());
        Assert.Equal([1.38m, 1.38m], kpi.GetProperty("resolutionByProcedure").EnumerateArray().Select(r => r.GetProperty("averageWorkingDays").GetDecimal()));
        Assert.Equal(1m, kpi.GetProperty("onTimeRate").GetDecimal());
        Assert.False(kpi.TryGetProperty("satisfactionRate", out _));
    }

    [Fact]
    public async Task Report06a_ForAnOfficer_CountsTheDossiersTheirUnitReceived()
    {
        const string unit = "ONE-R";
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        await SendAsync(admin, HttpMethod.Put, $"/api/units/{unit}", new { name = "Bộ phận một cửa huyện", electronicId = "000.00.55.H47", kind = "one-stop" });
        var monday = Api.Clock.StartNextWeek();
        var officer = await Api.ClientAsync("officer.r", ["officer"], unit);
        var handledByA = await SubmitAsync(officer, Request(unit: unit));
        var handledByB = await SubmitAsync(officer, Request(InterAgency, unit: unit));
        await ReceiveAsync(officer, handledByA);
        await ReceiveAsync(officer, handledByB);
        Api.Clock.MoveTo(monday.AddDays(1));
        var week = $"{Week(monday)}";

        var (response, report) = await SendAsync(officer, HttpMethod.Get, $"/api/reports/06a?{week}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, report.GetProperty("total").GetProperty("received").GetProperty("total").GetInt32());
        Assert.Equal([AgencyA], report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("agency").GetString()));
        var (_, kpi) = await SendAsync(officer, HttpMethod.Get, $"/api/reports/kpi?{week}");
        Assert.Equal(1m, kpi.GetProperty("onTimeRate").GetDecimal());
        var (forbidden, problem) = await SendAsync(officer, HttpMethod.Get, $"/api/reports/06a?{week}&agency={OneStop}");
        AssertProblem(forbidden, problem, HttpStatusCode.Forbidden, "not-permitted");
    }
}
