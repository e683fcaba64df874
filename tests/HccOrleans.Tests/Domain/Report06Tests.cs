using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Tests.Domain;

/// <summary>Biểu 06a/06b over hand-built feedback: every column, by unit and in total, carried over and in period.</summary>
[Trait("Category", "Domain")]
public sealed class Report06Tests
{
    private static readonly DateTimeOffset From = new(2026, 9, 15, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset To = new(2026, 12, 15, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void AHandBuiltQuarter_CountsEachColumnExactly()
    {
        FeedbackItem[] feedback =
        [
            // Carried over: received before the period, open at its start; one answered in it (late), one still open.
            Item(1, From.AddDays(-20), FeedbackAbout.Behaviour, "ONE", answeredAt: From.AddDays(3), published: true),
            Item(2, From.AddDays(-5), FeedbackAbout.Regulation, "ONE"),
            // Answered before the period: not counted at all.
            Item(3, From.AddDays(-30), FeedbackAbout.Dossier, "ONE", answeredAt: From.AddDays(-25)),
            // In the period: answered on time (published or not), answered after the period (in progress), open.
            Item(4, From.AddDays(10), FeedbackAbout.Dossier, "ONE", answeredAt: From.AddDays(12), published: true),
            Item(5, From.AddDays(11), FeedbackAbout.Regulation, null, answeredAt: From.AddDays(13)),
            Item(6, To.AddDays(-1), FeedbackAbout.Behaviour, "TWO", answeredAt: To.AddDays(2)),
            Item(7, From.AddDays(40), FeedbackAbout.Regulation, "TWO"),
            // After the period: not counted.
            Item(8, To.AddDays(1), FeedbackAbout.Behaviour, "ONE"),
        ];

        var report = Report06Rules.Build(feedback, From, To, now: To.AddDays(30));

        Assert.Equal(To, report.AsOf);
        Assert.Equal(["", "ONE", "TWO"], report.Rows.Select(r => r.Unit));
        var one = report.Rows.Single(r => r.Unit == "ONE");
        Assert.Equal(new FeedbackTimedCounts(3, 2, 1, 2, 1), one.Received);
        Assert.Equal(new FeedbackTimedCounts(2, 2, 0, 1, 1), one.Handled);
        Assert.Equal(new FeedbackCounts(1, 0, 1), one.InProgress);
        Assert.Equal((2, 1), (one.Published, one.HandledOnTime));
        Assert.Equal(new FeedbackTimedCounts(6, 3, 3, 2, 4), report.Total.Received);
        Assert.Equal(new FeedbackTimedCounts(3, 2, 1, 1, 2), report.Total.Handled);
        Assert.Equal(new FeedbackCounts(3, 1, 2), report.Total.InProgress);
        Assert.Equal((2, 2), (report.Total.Published, report.Total.HandledOnTime));
        Assert.All(report.Rows.Append(report.Total), r => Assert.Equal(r.Received.Total, r.Handled.Total + r.InProgress.Total));
    }

    [Fact]
    public void APeriodNotYetOver_IsJudgedNow()
    {
        var now = From.AddDays(12.5);
        var report = Report06Rules.Build([Item(4, From.AddDays(10), FeedbackAbout.Dossier, "ONE", answeredAt: From.AddDays(13)), Item(9, From.AddDays(13), FeedbackAbout.Dossier, "ONE")], From, To, now);

        Assert.Equal(now, report.AsOf);
        Assert.Equal((1, 0, 1), (report.Total.Received.Total, report.Total.Handled.Total, report.Total.InProgress.Total));
    }

    private static FeedbackItem Item(int id, DateTimeOffset received, FeedbackAbout about, string? unit, DateTimeOffset? answeredAt = null, bool published = false) =>
        new(id, received, about, "nội dung", "liên hệ", null, unit, received.AddDays(14),
            answeredAt is { } at ? new FeedbackAnswer("trả lời", "officer.one", at, published) : null);
}
