namespace HccOrleans.Api.Web;

/// <summary>The feedback a report over [from, to) needs: the books of the years it touches and of the year before (what was still open at its start).</summary>
public static class FeedbackBooks
{
    /// <summary>The book a feedback received at <paramref name="now"/> goes into: the center's calendar year.</summary>
    public static int Year(DateTimeOffset now, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(now, zone).Year;

    public static async Task<IReadOnlyList<FeedbackItem>> ForAsync(IGrainFactory grains, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, string? unit)
    {
        var first = Year(from, zone) - 1;
        var last = Year(to, zone);
        var books = await Task.WhenAll(Enumerable.Range(first, last - first + 1).Select(year => grains.Reference<IFeedbackBookGrain>(year).ListAsync()));
        return [.. books.SelectMany(book => book).Where(f => unit is null || f.Unit == unit)];
    }
}
