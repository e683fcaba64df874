namespace HccOrleans.Tests.Api;

/// <summary>The OpenAPI document comes from the handlers' types: their typed results and their filter records.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class OpenApiTests(ApiFixture api) : ApiTestBase(api)
{
    [Fact]
    public async Task OpenApi_EveryActionDocumentsTheSnapshotAndEachRefusal()
    {
        var paths = await PathsAsync();

        foreach (var action in DossierActions.Moves.Where(a => a != DossierAction.Submit))
        {
            var responses = paths.GetProperty($"/api/dossiers/{{code}}/{EnumWords.Of(action)}").GetProperty("post").GetProperty("responses");
            Assert.Equal(["200", "400", "403", "404", "409", "422"], responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.EndsWith("DossierSnapshot", Schema(responses.GetProperty("200"), "application/json"), StringComparison.Ordinal);
            Assert.EndsWith("ProblemDetails", Schema(responses.GetProperty("409"), "application/problem+json"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApi_ListAndReportFiltersAreTheContractsQueryNames()
    {
        var paths = await PathsAsync();

        Assert.Equal(
            ["agency", "assignee", "channel", "dueBefore", "overdue", "page", "pageSize", "procedure", "receivedFrom", "receivedTo", "status"],
            QueryNames(paths.GetProperty("/api/dossiers").GetProperty("get")));
        Assert.Equal(["agency", "byField", "format", "from", "to"], QueryNames(paths.GetProperty("/api/reports/kpi").GetProperty("get")));
        Assert.Equal(["agency", "from", "kind", "to"], QueryNames(paths.GetProperty("/api/escalations").GetProperty("get")));
        Assert.Equal(["from", "to", "unit"], QueryNames(paths.GetProperty("/api/reports/people").GetProperty("get")));
        Assert.EndsWith("KpiReport", Schema(paths.GetProperty("/api/reports/kpi").GetProperty("get").GetProperty("responses").GetProperty("200"), "application/json"), StringComparison.Ordinal);
    }

    private async Task<JsonElement> PathsAsync()
    {
        using var document = JsonDocument.Parse(await Api.CreateClient().GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("paths").Clone();
    }

    private static string[] QueryNames(JsonElement operation) =>
        [.. operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)];

    private static string Schema(JsonElement response, string contentType) =>
        response.GetProperty("content").GetProperty(contentType).GetProperty("schema").GetProperty("$ref").GetString()!;
}
