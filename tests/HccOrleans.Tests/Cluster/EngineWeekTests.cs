using HccOrleans.Grains.Escalations;

namespace HccOrleans.Tests.Cluster;

/// <summary>
/// A week of engine time on the fake clock, over dossiers received at different hours: every escalation the
/// deadlines call for fires through the reminders at its instant, once, and nothing fires that is not due.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class EngineWeekTests(ClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : GrainTestBase(fixture)
{
    [Fact]
    public async Task AWeekOfEngineTime_FiresEveryEscalationAtItsInstant_ExactlyOnce()
    {
        var monday = Clock.StartNextWeek();
        var end = At(monday, 7, 12);
        var receipts = new[]
        {
            (At(monday, 0, 8), CounterOnly), (At(monday, 0, 10, 30), CounterOnly), (At(monday, 0, 15, 45), CounterOnly),
            (At(monday, 1, 9, 15), CounterOnly), (At(monday, 1, 16, 50), Standard),
        };
        var expected = new List<(string Code, EscalationKind Kind, int Repeat, DateTimeOffset DueAt)>();
        foreach (var (at, procedure) in receipts)
        {
            Clock.MoveTo(at);
            var code = (await SubmitAsync(Request(procedure))).Code;
            var received = await ReceivedAsync(code);
            expected.AddRange(Schedule(code, received, end));
        }

        // Then the clock walks to each instant something is due, in order, and waits for it to be told.
        foreach (var instant in expected.Select(e => e.DueAt).Where(at => at > Clock.GetUtcNow()).Distinct().Order())
        {
            Clock.MoveTo(instant);
            foreach (var due in expected.Where(e => e.DueAt == instant))
            {
                await Fired(due.Code, due.Kind, due.Repeat);
            }
        }

        Clock.MoveTo(end);
        foreach (var code in expected.Select(e => e.Code).Distinct())
        {
            var recorded = (await GetAsync(code)).Escalations.Select(e => (e.Kind, e.Repeat, e.DueAt, e.FiredAt)).Order().ToList();
            var asked = expected.Where(e => e.Code == code).Select(e => (e.Kind, e.Repeat, e.DueAt, FiredAt: e.DueAt)).Order().ToList();
            Assert.Equal(asked, recorded);
        }

        RunReport.Write(output, "engine week", $"{expected.Count} escalations of {receipts.Length} dossiers over {(end - monday).TotalDays:F1} days of engine time, each at its instant: " +
            string.Join(", ", expected.GroupBy(e => e.Kind).Select(g => $"{g.Count()} {EnumWords.Of(g.Key)}")));
        Assert.Contains(expected, e => e.Kind == EscalationKind.Overdue);
        Assert.Contains(expected, e => e.Kind == EscalationKind.StepOverdue);
    }

    /// <summary>
    /// What docs/rules/deadlines-and-calendar.md asks of a dossier received as <paramref name="received"/> shows, up to <paramref name="end"/>:
    /// step-overdue at the step's due instant, due-soon eight working hours before the due instant, overdue at it and
    /// again after every eight working hours.
    /// </summary>
    private static IEnumerable<(string, EscalationKind, int, DateTimeOffset)> Schedule(string code, DossierSnapshot received, DateTimeOffset end)
    {
        var calendar = TestCalendars.Create();
        var policy = new EscalationOptions();
        var due = received.DueAt!.Value;
        var occurrences = new List<(EscalationKind Kind, int Repeat, DateTimeOffset At)>
        {
            (EscalationKind.StepOverdue, 0, received.StepDueAt!.Value),
            (EscalationKind.DueSoon, 0, calendar.SubtractWorkingTime(due, policy.DueSoonWithin)),
        };
        for (var repeat = 0; calendar.AddWorkingTime(due, policy.OverdueRepeatEvery * repeat) <= end; repeat++)
        {
            occurrences.Add((EscalationKind.Overdue, repeat, calendar.AddWorkingTime(due, policy.OverdueRepeatEvery * repeat)));
        }

        return occurrences.Where(o => o.At <= end).Select(o => (code, o.Kind, o.Repeat, o.At));
    }
}
