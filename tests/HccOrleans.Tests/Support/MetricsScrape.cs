using System.Globalization;

namespace HccOrleans.Tests.Support;

/// <summary>One scrape of <c>/metrics</c> (Prometheus text): the sum of a metric's samples that carry every given label.</summary>
public sealed record MetricsScrape(string[] Lines)
{
    public static async Task<MetricsScrape> TakeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new MetricsScrape((await response.Content.ReadAsStringAsync()).Split('\n'));
    }

    public double Sum(string metric, params string[] labels) => Lines
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => Labels(line).Contains(label)))
        .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture));

    private static string[] Labels(string line) => line[(line.IndexOf('{') + 1)..line.LastIndexOf('}')].Split(',');
}
