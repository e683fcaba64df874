using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Support;

/// <summary>Drives the pure dossier state machine on the 2025 calendar, for domain tests.</summary>
public static class TestDossiers
{
    public static readonly Actor Officer = new("officer", [Role.Officer], "ONE");
    public static readonly Actor Specialist = new("specialist", [Role.Specialist], "AGA");
    public static readonly Actor Leader = new("leader", [Role.Leader], "AGA");

    internal static DossierState Step(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at)
    {
        var decision = DossierMachine.Decide(state, command, new ActorContext(actor), at, Create());
        Assert.Null(decision.Rejection);
        return decision.Next!;
    }

    internal static Rejection Refused(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at)
    {
        var decision = DossierMachine.Decide(state, command, new ActorContext(actor), at, Create());
        Assert.Null(decision.Next);
        return decision.Rejection!;
    }

    /// <summary>A dossier of a 10-working-day procedure handled by AGA, received on Monday 10 Mar 2025 at 08:00 (due Monday 24 Mar 08:00).</summary>
    internal static DossierState ReceivedMonday0800(SupplementPolicy policy = SupplementPolicy.Pause)
    {
        var procedure = new ProcedureVersion("T.1", 1, new ProcedureDefinition(
            "Test procedure", "AGA", "Test", OnlineLevel.Full, true, 0m, new ProcessingTime(10, TimeUnit.WorkingDays), null, [], policy),
            Vn(2025, 1, 1, 0));
        var request = new SubmissionRequest("T.1", "ONE", FilingChannel.Direct, new Applicant("A", "012345678901", "0905000000", null, null), [], null);
        var created = DossierMachine.Created(new NewDossier("X-250310-0001", request, procedure, Vn(2025, 3, 10, 7, 30), Officer));
        return Step(created, new Receive(procedure), Officer, Vn(2025, 3, 10, 8));
    }
}
