using HccOrleans.Grains.Interfaces.Reports;
using static HccOrleans.Tests.Domain.ReportRulesTests;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>Biểu 07b on the hand-built set of the 07a tests, split between a province's department and a commune.</summary>
[Trait("Category", "Domain")]
public sealed class Report07bTests
{
    private const string Commune = "XA";

    // The civil-status dossiers and d05 (land, at the counter, late) are the commune's; the rest the department's.
    private static readonly string[] CommuneDossiers = ["d03-online-partial-early", "d04-postal-late", "d14-two-supplements", "d05-late-with-apology"];

    private static readonly DossierSummary[] BothLevels =
    [
        .. Set.Select(d => d.Code is "d03-online-partial-early" or "d04-postal-late" or "d14-two-supplements" ? d with { Field = "Hộ tịch" } : d)
            .Select(d => CommuneDossiers.Contains(d.Code) ? d with { HandlingAgency = Commune } : d),
    ];

    private static UnitLevel? LevelOf(string agency) => agency == Commune ? UnitLevel.Commune : UnitLevel.Province;

    [Fact]
    public void EveryNumberOfASection_ListsExactlyTheDossiersItCounts()
    {
        var report = Report07bRules.Build(BothLevels, From, To, Now, LevelOf);
        var paths = Report07aColumns.All.Skip(2).Select(c => c.Path).ToArray();

        foreach (var (section, communes) in new[] { (report.Sections[0], false), (report.Sections[1], true) })
        {
            var ofSection = BothLevels.Where(d => Report07bRules.IsCommunes(d, LevelOf) == communes).ToList();
            foreach (var row in section.Rows.Append(section.Total))
            {
                var values = Report07aColumns.Values(row);
                for (var i = 0; i < values.Length; i++)
                {
                    var listed = Report07aRules.Members(ofSection, From, To, Now, row.Field, paths[i]).Count();
                    Assert.True(values[i] == listed, $"{section.Number} {row.Field ?? "total"} {paths[i]}: {values[i]} counted, {listed} listed");
                }
            }
        }

        Assert.Equal(["d05-late-with-apology"], Report07aRules.Members(BothLevels.Where(d => Report07bRules.IsCommunes(d, LevelOf)), From, To, Now, "Đất đai", "resolved.late").Select(d => d.Code));
    }

    [Fact]
    public void HandBuiltSetOfBothLevels_GivesEachSectionExactly_AndTheTotalIs07asOfTheWholeProvince()
    {
        var report = Report07bRules.Build(BothLevels, From, To, Now, LevelOf);

        Assert.Equal(["I", "II"], report.Sections.Select(s => s.Number));
        var province = report.Sections[0];
        // Land at the department: d06 full online; d07–d10, d16–d18 direct; d02, d13 carried over; d02 on time;
        // d09 withdrawn, d10 stopped; d06, d08, d16 within their deadline, d07, d13, d17, d18 overdue.
        Assert.Equal([new Report07aRow("Đất đai", new Received07a(10, 1, 0, 0, 7, 2), new Resolved07a(1, 0, 1, 0), 2, new InProgressCounts(7, 3, 4))], province.Rows);
        Assert.Equal(province.Rows[0] with { Field = null }, province.Total);
        var commune = report.Sections[1];
        Assert.Equal(
            [
                new Report07aRow("Đất đai", new Received07a(1, 0, 0, 0, 1, 0), new Resolved07a(1, 0, 0, 1), 0, new InProgressCounts(0, 0, 0)),
                new Report07aRow("Hộ tịch", new Received07a(3, 0, 1, 1, 1, 0), new Resolved07a(3, 1, 1, 1), 0, new InProgressCounts(0, 0, 0)),
            ],
            commune.Rows);
        Assert.Equal(new Report07aRow(null, new Received07a(4, 0, 1, 1, 2, 0), new Resolved07a(4, 1, 1, 2), 0, new InProgressCounts(0, 0, 0)), commune.Total);
        Assert.Equal(Report07aRules.Build(BothLevels, From, To, Now, agency: null).Total, report.Total);
    }

    [Fact]
    public void Csv_PutsEachSectionsTotalAboveItsFields()
    {
        var lines = FormTable.Of(Report07bRules.Build(BothLevels, From, To, Now, LevelOf), "Toàn tỉnh", Vietnam).ToCsv().Split("\r\n");

        Assert.Equal(
        [
            "I,Thuộc thẩm quyền giải quyết của cấp tỉnh,10,1,0,0,7,2,1,0,1,0,7,3,4,2",
            "1,Đất đai,10,1,0,0,7,2,1,0,1,0,7,3,4,2",
            "II,Thuộc thẩm quyền giải quyết của cấp xã,4,0,1,1,2,0,4,1,1,2,0,0,0,0",
            "1,Đất đai,1,0,0,0,1,0,1,0,0,1,0,0,0,0",
            "2,Hộ tịch,3,0,1,1,1,0,3,1,1,1,0,0,0,0",
            ",Tổng cộng,14,1,1,1,9,2,5,1,2,2,7,3,4,2",
        ], lines[1..7]);
    }
}
