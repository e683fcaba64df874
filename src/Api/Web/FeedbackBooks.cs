namespace HccOrleans.Api.Web;

/// <summary>The feedback a report over [from, to) needs: the books of the years it touches and of the year before (what was still open at its start).</summary>
public static class FeedbackBooks
{
    public static async Task<IReadOnlyList<FeedbackItem>> ForAsync(IGrainFactory grains, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, string? unit)
    {
        var first = TimeZoneInfo.ConvertTime(from, zone).Year - 1;
        var last = TimeZoneInfo.ConvertTime(to, zone).Year;
        var books = await Task.WhenAll(Enumerable.Range(first, last - first + 1).Select(year => grains.GetGrain<IFeedbackBookGrain>(year).ListAsync()));
        return [.. books.SelectMany(book => book).Where(f => unit is null || f.Unit == unit)];
    }
}
