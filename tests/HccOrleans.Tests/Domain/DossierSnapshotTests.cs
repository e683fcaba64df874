using System.Reflection;
using System.Text.Json;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;
using static HccOrleans.Tests.Support.TestDossiers;

namespace HccOrleans.Tests.Domain;

/// <summary>The answer a caller gets and the index's summary are built apart; on every field they share they agree.</summary>
[Trait("Category", "Domain")]
public sealed class DossierSnapshotTests
{
    private static readonly PropertyInfo[] Shared =
        [.. typeof(DossierSnapshot).GetProperties().Where(p => typeof(DossierSummary).GetProperty(p.Name)?.PropertyType == p.PropertyType)];

    public static TheoryData<string> Stages => ["received", "supplement asked", "supplemented", "appraised", "approved", "returned", "stopped"];

    private static DossierState At(string stage)
    {
        var received = ReceivedMonday0800();
        var asked = Step(received, new RequestSupplement("Thiếu bản vẽ", ["Bản vẽ"]), Specialist, Vn(2025, 3, 11, 9));
        var appraised = Step(received, new Appraise(AppraisalOutcome.Eligible, "Đủ"), Specialist, Vn(2025, 3, 11, 9));
        var approved = Step(appraised, new Approve(null), Leader, Vn(2025, 3, 12, 9));
        return stage switch
        {
            "received" => received,
            "supplement asked" => asked,
            "supplemented" => Step(asked, new Supplement("Đã bổ sung"), TestDossiers.Officer, Vn(2025, 3, 13, 14, 30)),
            "appraised" => appraised,
            "approved" => approved,
            "returned" => Step(approved, new Return(ReturnMethod.Counter), TestDossiers.Officer, Vn(2025, 3, 13, 9)),
            "stopped" => Step(received, new Stop("Không đủ điều kiện"), Leader, Vn(2025, 3, 11, 10)),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void TheAnswer_AgreesWithTheIndexSummary_OnEveryFieldTheyShare(string stage)
    {
        var state = At(stage);
        var (snapshot, summary) = (state.ToSnapshot(), state.ToSummary());

        Assert.True(Shared.Length >= 20, $"only {Shared.Length} shared fields found: {string.Join(", ", Shared.Select(p => p.Name))}");
        var differences = Shared
            .Select(p => (p.Name, Answer: JsonSerializer.Serialize(p.GetValue(snapshot)), Index: JsonSerializer.Serialize(typeof(DossierSummary).GetProperty(p.Name)!.GetValue(summary))))
            .Where(f => f.Answer != f.Index)
            .Select(f => $"{f.Name}: answer {f.Answer}, index {f.Index}");
        Assert.Empty(differences);
    }
}
