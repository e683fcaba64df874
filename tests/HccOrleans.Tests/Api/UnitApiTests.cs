using HccOrleans.Silo.Seed;

namespace HccOrleans.Tests.Api;

[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class UnitApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task Units_At2019AndAt2026_GiveTheQuangNamProvinceAndTheDaNangCity()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        foreach (var unit in QuangNam2019Units.All.Concat(DaNang2026.All))
        {
            var (put, body) = await SendAsync(admin, HttpMethod.Put, $"/api/units/{unit.AgencyCode}", TestProvince.UnitBody(unit));
            Assert.True(put.IsSuccessStatusCode, $"{unit.AgencyCode}: {body}");
        }

        var shipped = QuangNam2019Units.All.Concat(DaNang2026.All).Select(u => u.AgencyCode).ToHashSet();
        async Task<string[]> AtAsync(string at)
        {
            var (response, body) = await SendAsync(admin, HttpMethod.Get, $"/api/units?at={at}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. body.EnumerateArray().Select(u => u.GetProperty("agencyCode").GetString()!).Where(shipped.Contains).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["CAT", "SCT", "SGTVT", "SKHCN", "SKHDT", "STNMT", "STP", "STTTT", "SVHTTDL", "SYT", "TTHCC", "UBND"], await AtAsync("2019-06-01"));
        Assert.Equal(
        [
            "DNG-CA", "DNG-HAICHAU", "DNG-HAICHAU-TT", "DNG-HOAVANG", "DNG-HOAVANG-TT", "DNG-HOIAN", "DNG-HOIAN-TT", "DNG-SCT", "DNG-SKHCN",
            "DNG-SNNMT", "DNG-SONTRA", "DNG-SONTRA-TT", "DNG-STC", "DNG-STP", "DNG-SVHTTDL", "DNG-SXD", "DNG-SYT", "DNG-TAMKY", "DNG-TAMKY-TT",
            "DNG-TTPVHCC", "DNG-TTPVHCC-TK", "DNG-UBND",
        ], await AtAsync("2026-12-01"));
        // Between the mergers: the four departments formed on 1 March 2025 and the province's units that lasted until July.
        Assert.Equal(["CAT", "QNA-SKHCN", "QNA-SNNMT", "QNA-STC", "QNA-SXD", "SCT", "STP", "SVHTTDL", "SYT", "TTHCC", "UBND"],
            await AtAsync("2025-04-01T09:00:00%2B07:00"));

        var (_, all) = await SendAsync(admin, HttpMethod.Get, "/api/units");
        var ward = all.EnumerateArray().Single(u => u.GetProperty("agencyCode").GetString() == "DNG-HAICHAU-TT");
        Assert.Equal(("service-center", "commune", "DNG-HAICHAU", "2025-07-01", true),
            (ward.GetProperty("kind").GetString(), ward.GetProperty("level").GetString(), ward.GetProperty("parent").GetString(),
                ward.GetProperty("validFrom").GetString(), ward.GetProperty("electronicIdToConfigure").GetBoolean()));
        var transport = all.EnumerateArray().Single(u => u.GetProperty("agencyCode").GetString() == "SGTVT");
        Assert.Equal(("2025-02-28", "QNA-SXD"), (transport.GetProperty("validTo").GetString(), transport.GetProperty("successor").GetString()));

        var (bad, badBody) = await SendAsync(admin, HttpMethod.Get, "/api/units?at=yesterday");
        AssertProblem(bad, badBody, HttpStatusCode.BadRequest, "validation");
        Assert.True(badBody.GetProperty("errors").TryGetProperty("at", out _));
    }

    [Fact]
    public async Task PutUnit_EndingOnOrAfterItsSuccessorBegins_Is422_EitherWayRound_AndChangesNothing()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        await PutAsync(admin, "OV-NEW", new { name = "Sở mới", electronicId = "OV.01.T", kind = "handling-agency", validFrom = "2025-07-01" });

        var (overlap, body) = await SendAsync(admin, HttpMethod.Put, "/api/units/OV-OLD",
            new { name = "Sở cũ", electronicId = "OV.02.T", kind = "handling-agency", validTo = "2025-07-01", successor = "OV-NEW" });
        AssertProblem(overlap, body, HttpStatusCode.UnprocessableEntity, "unit-overlaps-successor");
        Assert.True(body.GetProperty("errors").TryGetProperty("validTo", out _));
        Assert.DoesNotContain("OV-OLD", await CodesAsync(admin));

        await PutAsync(admin, "OV-OLD", new { name = "Sở cũ", electronicId = "OV.02.T", kind = "handling-agency", validTo = "2025-06-30", successor = "OV-NEW" });
        var (early, earlyBody) = await SendAsync(admin, HttpMethod.Put, "/api/units/OV-NEW",
            new { name = "Sở mới", electronicId = "OV.01.T", kind = "handling-agency", validFrom = "2025-06-30" });
        AssertProblem(early, earlyBody, HttpStatusCode.UnprocessableEntity, "unit-overlaps-successor");
        var (_, units) = await SendAsync(admin, HttpMethod.Get, "/api/units");
        Assert.Equal("2025-07-01", units.EnumerateArray().Single(u => u.GetProperty("agencyCode").GetString() == "OV-NEW").GetProperty("validFrom").GetString());
    }

    [Theory]
    [InlineData("level", "district", "kind", "handling-agency")]
    [InlineData("kind", "department", "level", "province")]
    public async Task PutUnit_WithAnUnknownLevelOrKind_Is400NamingIt_AndChangesNothing(string field, string word, string otherField, string otherWord)
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var code = $"BAD-{field}";
        var body = new Dictionary<string, object> { ["name"] = "Đơn vị", ["electronicId"] = $"BAD.{field.Length}.T", [field] = word, [otherField] = otherWord };

        var (response, problem) = await SendAsync(admin, HttpMethod.Put, $"/api/units/{code}", body);

        AssertProblem(response, problem, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(word, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await CodesAsync(admin));
    }

    [Fact]
    public async Task PutUnit_InV11Words_IsAServiceCenterOrAHandlingAgency()
    {
        var admin = await Api.ClientAsync("admin", ["admin"], "");

        var (_, oneStop) = await SendAsync(admin, HttpMethod.Put, "/api/units/V11-ONE", new { name = "Bộ phận một cửa", electronicId = "V11.01.T", kind = "one-stop" });
        var (_, agency) = await SendAsync(admin, HttpMethod.Put, "/api/units/V11-AG", new { name = "Sở", electronicId = "V11.02.T", kind = "agency" });

        Assert.Equal(("service-center", "province"), (oneStop.GetProperty("kind").GetString(), oneStop.GetProperty("level").GetString()));
        Assert.Equal("handling-agency", agency.GetProperty("kind").GetString());
    }

    private async Task PutAsync(HttpClient admin, string code, object body)
    {
        var (response, answer) = await SendAsync(admin, HttpMethod.Put, $"/api/units/{code}", body);
        Assert.True(response.IsSuccessStatusCode, $"{code}: {answer}");
    }

    private async Task<string[]> CodesAsync(HttpClient client)
    {
        var (_, units) = await SendAsync(client, HttpMethod.Get, "/api/units");
        return [.. units.EnumerateArray().Select(u => u.GetProperty("agencyCode").GetString()!)];
    }
}
