using HccOrleans.Grains.Interfaces.Reports;
using static HccOrleans.Tests.Domain.ReportRulesTests;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>Biểu 07a's counting on the hand-built set of the II.06a tests, with a second field, and its official periods.</summary>
[Trait("Category", "Domain")]
public sealed class Report07aTests
{
    private static readonly string[] CivilStatus = ["d03-online-partial-early", "d04-postal-late", "d14-two-supplements"];

    private static readonly DossierSummary[] TwoFields = [.. Set.Select(d => CivilStatus.Contains(d.Code) ? d with { Field = "Hộ tịch" } : d)];

    [Fact]
    public void HandBuiltSet_GivesEveryColumnExactly()
    {
        var report = Report07aRules.Build(TwoFields, From, To, Now, agency: null);

        Assert.Equal(To, report.AsOf);
        Assert.Equal(
            [
                // Đất đai: d06 full online; d05, d07–d10, d16–d18 direct; d02, d13 carried over. d02 on time, d05 late;
                // d09 withdrawn, d10 stopped; d06, d08 (paused), d16 within; d07, d13, d17, d18 overdue at the end.
                new Report07aRow("Đất đai", new Received07a(11, 1, 0, 0, 8, 2), new Resolved07a(2, 0, 1, 1), 2, new InProgressCounts(7, 3, 4)),
                // Hộ tịch: d03 partial online and early, d04 by post and late, d14 at the counter and on time.
                new Report07aRow("Hộ tịch", new Received07a(3, 0, 1, 1, 1, 0), new Resolved07a(3, 1, 1, 1), 0, new InProgressCounts(0, 0, 0)),
            ],
            report.Rows);
        Assert.Equal(new Report07aRow(null, new Received07a(14, 1, 1, 1, 9, 2), new Resolved07a(5, 1, 2, 2), 2, new InProgressCounts(7, 3, 4)), report.Total);
    }

    [Fact]
    public void EveryNumber_ListsExactlyTheDossiersItCounts()
    {
        var report = Report07aRules.Build(TwoFields, From, To, Now, agency: null);

        foreach (var row in report.Rows.Append(report.Total))
        {
            var values = Report07aColumns.Values(row);
            var paths = Report07aColumns.All.Skip(2).Select(c => c.Path).ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                var members = Report07aRules.Members(TwoFields, From, To, Now, row.Field, paths[i]).ToList();
                Assert.True(values[i] == members.Count, $"{row.Field ?? "total"} {paths[i]}: {values[i]} counted, {members.Count} listed");
                Assert.Equal(members.Count, members.Select(d => d.Code).Distinct().Count());
            }
        }

        // One cell by name: the Đất đai dossier resolved late is d05.
        Assert.Equal(["d05-late-with-apology"], Report07aRules.Members(TwoFields, From, To, Now, "Đất đai", "resolved.late").Select(d => d.Code));
        Assert.Empty(Report07aRules.Members(TwoFields, From, To, Now, null, "no.such.column"));
    }

    [Fact]
    public void EveryRowAndTheTotal_AddUp()
    {
        var report = Report07aRules.Build(TwoFields, From, To, Now, agency: null);

        Assert.All(report.Rows.Append(report.Total), r =>
        {
            Assert.Equal(r.Received.Total, r.Received.FullOnline + r.Received.PartialOnline + r.Received.Postal + r.Received.Direct + r.Received.CarriedOver);
            Assert.Equal(r.Received.Total, r.Resolved.Total + r.WithdrawnOrStopped + r.InProgress.Total);
            Assert.Equal(r.Resolved.Total, r.Resolved.Early + r.Resolved.OnTime + r.Resolved.Late);
            Assert.Equal(r.InProgress.Total, r.InProgress.WithinDeadline + r.InProgress.Overdue);
        });
        Assert.Equal(report.Total.Received.Total, report.Rows.Sum(r => r.Received.Total));
    }

    [Fact]
    public void ClosedPeriod_IsByteForByteTheSameAfterLaterEvents()
    {
        string Csv(IEnumerable<DossierSummary> set, DateTimeOffset now) =>
            FormTable.Of(Report07aRules.Build(set, From, To, now, agency: null), "Toàn bộ các cơ quan", Vietnam).ToCsv();
        var before = Csv(TwoFields, Now);

        // July: d06 approved late, d07 withdrawn, d13 stopped, a new dossier received; judged in August.
        var later = TwoFields.Select(d => d.Code switch
        {
            "d06-online-full-within" => d with { Status = DossierStatus.Done, CompletedAt = Vn(2019, 7, 20, 9), Completion = CompletionClass.Late },
            "d07-apologized-overdue" => d with { Status = DossierStatus.Withdrawn, ClosedAt = Vn(2019, 7, 3, 9) },
            "d13-carried-overdue" => d with { Status = DossierStatus.Stopped, ClosedAt = Vn(2019, 7, 4, 9) },
            _ => d,
        }).Append(D("d20-july", DossierStatus.Processing, received: Vn(2019, 7, 8, 9), due: Vn(2019, 7, 20, 9)));

        Assert.Equal(before, Csv(later, Vn(2019, 8, 20, 9)));
    }

    [Fact]
    public void Csv_IsHeadedByTheFormsNumberedColumnsInItsOrder()
    {
        var lines = FormTable.Of(Report07aRules.Build(TwoFields, From, To, Now, agency: null), "Toàn bộ các cơ quan", Vietnam).ToCsv().Split("\r\n");

        Assert.StartsWith("(1) STT,(2) Lĩnh vực giải quyết,(3) Tổng số hồ sơ tiếp nhận,(4) ", lines[0], StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(1, 15).Select(n => $"({n})")], lines[0].Split(',').Take(15).Select(h => h[..h.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.Equal("1,Đất đai,11,1,0,0,8,2,2,0,1,1,7,3,4,2", lines[1]);
        Assert.Equal(",Tổng cộng,14,1,1,1,9,2,5,1,2,2,7,3,4,2", lines[3]);
    }

    [Fact]
    public void November2026_RunsFrom15OctoberTo14November()
    {
        var november = Assert.Single(ReportPeriods.Of(PeriodKind.Month, 2026), p => p.Number == 11);

        Assert.Equal((new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 14)), (november.First, november.Last));
        Assert.Equal("07a", november.Form);
        Assert.Equal(new DateOnly(2026, 11, 20), november.SendBy);
    }

    [Fact]
    public void MonthsThatCloseAQuarter_AreNotOfferedAsMonthlyPeriods()
    {
        var months = ReportPeriods.Of(PeriodKind.Month, 2026).Select(p => p.Number).ToArray();

        Assert.Equal([1, 2, 4, 5, 7, 8, 10, 11], months);
        Assert.DoesNotContain(3, months);
        Assert.DoesNotContain(6, months);
        Assert.DoesNotContain(9, months);
        Assert.DoesNotContain(12, months);
    }

    [Fact]
    public void QuartersHalfAndYear_RunFromThe15thOfTheMonthBefore()
    {
        var all = ReportPeriods.Of(null, 2027);

        Assert.Equal(
            [
                (PeriodKind.Quarter, 1, new DateOnly(2026, 12, 15), new DateOnly(2027, 3, 14)),
                (PeriodKind.Quarter, 3, new DateOnly(2027, 6, 15), new DateOnly(2027, 9, 14)),
                (PeriodKind.Half, 1, new DateOnly(2026, 12, 15), new DateOnly(2027, 6, 14)),
                (PeriodKind.Year, 1, new DateOnly(2026, 12, 15), new DateOnly(2027, 12, 14)),
            ],
            all.Where(p => p.Kind != PeriodKind.Month).Select(p => (p.Kind, p.Number, p.First, p.Last)));
        Assert.Equal(new DateOnly(2026, 12, 15), all.Single(p => p.Kind == PeriodKind.Month && p.Number == 1).First);
    }

    [Theory]
    [InlineData(2026, 7, "II.06a")] // 15 Jun – 14 Jul 2026: ends before Circular 09/2026 is in force
    [InlineData(2026, 8, "07a")]    // 15 Jul – 14 Aug 2026
    public void APeriod_UsesTheFormInForceAtItsEnd(int year, int month, string form) =>
        Assert.Equal(form, ReportPeriods.Of(PeriodKind.Month, year).Single(p => p.Number == month).Form);
}
