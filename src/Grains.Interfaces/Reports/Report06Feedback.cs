using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>Counts by Biểu 06a/06b's two contents: behaviour (a dossier's handling included) and regulation.</summary>
public sealed record FeedbackCounts(int Total, int Behaviour, int Regulation);

/// <summary>Counts by content and by time: carried over from the previous period, or received in this one.</summary>
public sealed record FeedbackTimedCounts(int Total, int Behaviour, int Regulation, int CarriedOver, int InPeriod);

/// <summary>One unit's row ("" = the center's own feedback, about no dossier).</summary>
public sealed record Report06Row(string Unit, FeedbackTimedCounts Received, FeedbackTimedCounts Handled, FeedbackCounts InProgress, int Published, int HandledOnTime);

/// <summary>Biểu 06a (a row per unit) and 06b (the total) of feedback for [From, To), judged at AsOf = min(To, now).</summary>
public sealed record Report06(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, Report06Row[] Rows, Report06Row Total);

public static class Report06Rules
{
    /// <summary>
    /// Received = carried over (received before <paramref name="from"/>, not answered by then) + received in the
    /// period (up to AsOf); handled = of those, answered by AsOf; in progress = the rest; published = handled and
    /// published; on time = handled by the due date. Each by content. Received = handled + in progress on every row.
    /// </summary>
    public static Report06 Build(IEnumerable<FeedbackItem> feedback, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var asOf = to < now ? to : now;
        var counted = feedback
            .Where(f => f.ReceivedAt < from ? !f.AnsweredBy(from) : f.ReceivedAt < asOf)
            .ToList();
        var rows = counted.GroupBy(f => f.Unit ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g, from, asOf))
            .ToArray();
        return new Report06(from, to, asOf, rows, Row("", counted, from, asOf));
    }

    private static Report06Row Row(string unit, IEnumerable<FeedbackItem> items, DateTimeOffset from, DateTimeOffset asOf)
    {
        var all = items.ToList();
        var handled = all.Where(f => f.AnsweredBy(asOf)).ToList();
        var open = all.Where(f => !f.AnsweredBy(asOf)).ToList();
        return new Report06Row(unit, Timed(all, from), Timed(handled, from), Counts(open),
            handled.Count(f => f.Answer!.Published), handled.Count(f => f.Answer!.At <= f.DueAt));
    }

    private static FeedbackTimedCounts Timed(IReadOnlyCollection<FeedbackItem> items, DateTimeOffset from)
    {
        var counts = Counts(items);
        var carried = items.Count(f => f.ReceivedAt < from);
        return new FeedbackTimedCounts(counts.Total, counts.Behaviour, counts.Regulation, carried, counts.Total - carried);
    }

    private static FeedbackCounts Counts(IReadOnlyCollection<FeedbackItem> items)
    {
        var regulation = items.Count(f => f.AboutRegulation);
        return new FeedbackCounts(items.Count, items.Count - regulation, regulation);
    }
}
