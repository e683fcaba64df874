using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Workflow;
using Position = HccOrleans.Grains.Workflow.Position;

namespace HccOrleans.Tests.Domain;

/// <summary>
/// Every cell of both regimes' transition tables in docs/rules/lifecycle.md — every position, action and filing channel,
/// allowed or refused, and for each allowed cell every role — transcribed here independently of the code.
/// </summary>
[Trait("Category", "Domain")]
public sealed class WorkflowTableTests
{
    private static readonly Position?[] Positions =
    [
        null,
        Position.Submitted,
        Position.SupplementAtReceipt,
        Position.Transferring,
        Position.Appraising,
        Position.SupplementInAppraisal,
        Position.Approving,
        Position.AwaitingPayment,
        Position.Done,
        Position.Refused,
        Position.Withdrawn,
        Position.Stopped,
        Position.Returned,
    ];

    private static readonly FilingChannel[] Paper = [FilingChannel.Direct, FilingChannel.Postal];
    private static readonly FilingChannel[] Online = [FilingChannel.Online];
    private static readonly FilingChannel[] Every = [FilingChannel.Direct, FilingChannel.Postal, FilingChannel.Online];
    private static readonly Role[] Officer = [Role.Officer];
    private static readonly Role[] OfficerOrPortal = [Role.Officer, Role.Portal];
    private static readonly Role[] Specialist = [Role.Specialist];
    private static readonly Role[] Leader = [Role.Leader];
    private static readonly Role[] SpecialistOrLeader = [Role.Specialist, Role.Leader];
    private static readonly Role[] Engine = [Role.System];

    // Decree 61/2018, as docs/rules/lifecycle.md lists it; the channel changes nothing.
    private static readonly (Position? From, DossierAction Action, FilingChannel[] Channels, Position To, Role[] By)[] Decree61 =
    [
        (null, DossierAction.Submit, Every, Position.Submitted, OfficerOrPortal),
        (Position.Submitted, DossierAction.Receive, Every, Position.Appraising, Officer),
        (Position.Submitted, DossierAction.Refuse, Every, Position.Refused, Officer),
        (Position.Submitted, DossierAction.RequestSupplement, Every, Position.SupplementAtReceipt, Officer),
        (Position.Appraising, DossierAction.RequestSupplement, Every, Position.SupplementInAppraisal, Specialist),
        (Position.SupplementAtReceipt, DossierAction.Supplement, Every, Position.Submitted, OfficerOrPortal),
        (Position.SupplementInAppraisal, DossierAction.Supplement, Every, Position.Appraising, OfficerOrPortal),
        (Position.Appraising, DossierAction.Appraise, Every, Position.Approving, Specialist),
        (Position.Approving, DossierAction.Approve, Every, Position.Done, Leader),
        (Position.Approving, DossierAction.SendBack, Every, Position.Appraising, Leader),
        (Position.Done, DossierAction.Return, Every, Position.Returned, Officer),
        (Position.Appraising, DossierAction.RequestPayment, Every, Position.AwaitingPayment, Specialist),
        (Position.AwaitingPayment, DossierAction.Pay, Every, Position.Appraising, OfficerOrPortal),
        (Position.Submitted, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.SupplementAtReceipt, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.Appraising, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.SupplementInAppraisal, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.Approving, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.AwaitingPayment, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.Appraising, DossierAction.Stop, Every, Position.Stopped, Leader),
        (Position.Approving, DossierAction.Stop, Every, Position.Stopped, Leader),
        (Position.SupplementAtReceipt, DossierAction.Stop, Every, Position.Stopped, Engine),
        (Position.SupplementInAppraisal, DossierAction.Stop, Every, Position.Stopped, Engine),
        (Position.AwaitingPayment, DossierAction.Stop, Every, Position.Stopped, Engine),
        (Position.Appraising, DossierAction.Apologize, Every, Position.Appraising, Leader),
        (Position.Approving, DossierAction.Apologize, Every, Position.Approving, Leader),
        (Position.Appraising, DossierAction.Assign, Every, Position.Appraising, SpecialistOrLeader),
        (Position.SupplementInAppraisal, DossierAction.Assign, Every, Position.SupplementInAppraisal, SpecialistOrLeader),
        (Position.AwaitingPayment, DossierAction.Assign, Every, Position.AwaitingPayment, SpecialistOrLeader),
    ];

    // Decree 118/2025: paper passes the transfer step; withdrawal runs from receipt (paper) or submission (online) until
    // approval; the one-stop unit closes and confirms; no agency stop, no apology of the old kind.
    private static readonly (Position? From, DossierAction Action, FilingChannel[] Channels, Position To, Role[] By)[] Decree118 =
    [
        (null, DossierAction.Submit, Every, Position.Submitted, OfficerOrPortal),
        (Position.Submitted, DossierAction.Receive, Paper, Position.Transferring, Officer),
        (Position.Submitted, DossierAction.Receive, Online, Position.Appraising, Officer),
        (Position.Submitted, DossierAction.Refuse, Every, Position.Refused, Officer),
        (Position.Submitted, DossierAction.RequestSupplement, Every, Position.SupplementAtReceipt, Officer),
        (Position.SupplementAtReceipt, DossierAction.Supplement, Every, Position.Submitted, OfficerOrPortal),
        (Position.Transferring, DossierAction.Transfer, Every, Position.Appraising, Officer),
        (Position.Appraising, DossierAction.RequestSupplement, Every, Position.SupplementInAppraisal, Specialist),
        (Position.SupplementInAppraisal, DossierAction.Supplement, Every, Position.Appraising, OfficerOrPortal),
        (Position.SupplementInAppraisal, DossierAction.Close, Every, Position.Stopped, Officer),
        (Position.Appraising, DossierAction.RequestPayment, Every, Position.AwaitingPayment, Specialist),
        (Position.AwaitingPayment, DossierAction.Pay, Every, Position.Appraising, OfficerOrPortal),
        (Position.Appraising, DossierAction.Appraise, Every, Position.Approving, Specialist),
        (Position.Appraising, DossierAction.CompletePart, Every, Position.Appraising, SpecialistOrLeader),
        (Position.Appraising, DossierAction.Consult, Every, Position.Appraising, Specialist),
        (Position.Appraising, DossierAction.AnswerConsultation, Every, Position.Appraising, SpecialistOrLeader),
        (Position.Approving, DossierAction.Approve, Every, Position.Done, Leader),
        (Position.Approving, DossierAction.SendBack, Every, Position.Appraising, Leader),
        (Position.Done, DossierAction.Return, Every, Position.Returned, Officer),
        (Position.Returned, DossierAction.CorrectResult, Every, Position.Returned, Officer),
        (Position.Returned, DossierAction.Return, Every, Position.Returned, Officer),
        (Position.Transferring, DossierAction.ProposeExtension, Every, Position.Transferring, Leader),
        (Position.Appraising, DossierAction.ProposeExtension, Every, Position.Appraising, Leader),
        (Position.Approving, DossierAction.ProposeExtension, Every, Position.Approving, Leader),
        (Position.Transferring, DossierAction.ConfirmExtension, Every, Position.Transferring, Officer),
        (Position.Appraising, DossierAction.ConfirmExtension, Every, Position.Appraising, Officer),
        (Position.Approving, DossierAction.ConfirmExtension, Every, Position.Approving, Officer),
        (Position.Transferring, DossierAction.DeclineExtension, Every, Position.Transferring, Officer),
        (Position.Appraising, DossierAction.DeclineExtension, Every, Position.Appraising, Officer),
        (Position.Approving, DossierAction.DeclineExtension, Every, Position.Approving, Officer),
        (Position.Submitted, DossierAction.Withdraw, Online, Position.Withdrawn, OfficerOrPortal),
        (Position.SupplementAtReceipt, DossierAction.Withdraw, Online, Position.Withdrawn, OfficerOrPortal),
        (Position.Transferring, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.Appraising, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.SupplementInAppraisal, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.Approving, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.AwaitingPayment, DossierAction.Withdraw, Every, Position.Withdrawn, OfficerOrPortal),
        (Position.Appraising, DossierAction.Assign, Every, Position.Appraising, SpecialistOrLeader),
        (Position.SupplementInAppraisal, DossierAction.Assign, Every, Position.SupplementInAppraisal, SpecialistOrLeader),
        (Position.AwaitingPayment, DossierAction.Assign, Every, Position.AwaitingPayment, SpecialistOrLeader),
    ];

    public static TheoryData<Regime, DossierAction> RegimeActions()
    {
        var cells = new TheoryData<Regime, DossierAction>();
        foreach (var regime in Enum.GetValues<Regime>())
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                cells.Add(regime, action);
            }
        }

        return cells;
    }

    /// <summary>The transcriptions name each cell once, and only positions this test walks.</summary>
    [Fact]
    public void Transcriptions_NameEachCellOnce()
    {
        foreach (var table in new[] { Decree61, Decree118 })
        {
            var cells = table.SelectMany(row => row.Channels.Select(channel => (row.From, row.Action, channel))).ToArray();
            Assert.Equal(cells.Length, cells.Distinct().Count());
            Assert.All(table, row => Assert.Contains(row.From, Positions));
        }
    }

    /// <summary>An action nobody can take under a regime is a forgotten row, unless the regime names it missing.</summary>
    [Fact]
    public void Find_EveryActionOfARegime_HasAMoveFromSomePosition()
    {
        foreach (var rules in InForce.All)
        {
            var offered = DossierActions.Moves.Where(action =>
                Positions.Any(from => Every.Any(channel => rules.Find(from, action, channel) is not null))).ToHashSet();
            Assert.Equal(DossierActions.Moves.Length, offered.Count + rules.Missing.Count);
            Assert.DoesNotContain(rules.Missing.Keys, offered.Contains);
        }
    }

    [Theory]
    [MemberData(nameof(RegimeActions))]
    public void Find_EveryPositionAndChannel_MatchesTheDomainTable(Regime regime, DossierAction action)
    {
        var rules = InForce.Of(regime);
        var table = regime == Regime.Decree61Of2018 ? Decree61 : Decree118;
        var wrong = new List<string>();
        foreach (var from in Positions)
        {
            foreach (var channel in Every)
            {
                var expected = table.Where(r => r.From == from && r.Action == action && r.Channels.Contains(channel)).ToArray();
                var found = rules.Find(from, action, channel);
                var matches = expected.Length == 0
                    ? found is null
                    : found is not null && found.To == expected[0].To && found.By.Order().SequenceEqual(expected[0].By.Order());
                if (!matches)
                {
                    wrong.Add($"{from?.ToString() ?? "(new)"} on {channel}: expected {(expected.Length == 0 ? "none" : expected[0].To.ToString())}, found {found?.To.ToString() ?? "none"}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Theory]
    [MemberData(nameof(RegimeActions))]
    public void Refusal_EveryRoleOnEveryAllowedCell_OnlyTheTableRolesPass(Regime regime, DossierAction action)
    {
        var rules = InForce.Of(regime);
        var rows = (regime == Regime.Decree61Of2018 ? Decree61 : Decree118).Where(r => r.Action == action).ToArray();
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var transition = rules.Find(row.From, action, row.Channels[0]);
            Assert.NotNull(transition);
            foreach (var role in Enum.GetValues<Role>())
            {
                // The actor belongs to both the receiving unit and the step agency, so only the role decides.
                var actor = new Actor("someone", [role], "AG");
                var allowed = transition.IsOpenTo(actor) && Permissions.Refusal(actor, transition, receivingUnit: "AG", stepAgency: "AG") is null;
                if (allowed != row.By.Contains(role))
                {
                    wrong.Add($"{row.From}: {role} {(allowed ? "passed" : "was refused")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void Refusal_SpecialistOfAnotherAgency_IsRefused()
    {
        var appraise = InForce.Decree118.Find(Position.Appraising, DossierAction.Appraise, FilingChannel.Direct)!;

        Assert.Null(Permissions.Refusal(new Actor("s1", [Role.Specialist], "STP"), appraise, "TTHCC", "STP"));
        Assert.NotNull(Permissions.Refusal(new Actor("s2", [Role.Specialist], "SYT"), appraise, "TTHCC", "STP"));
    }

    [Fact]
    public void Refusal_LeaderOfAnotherAgency_MayNotStop()
    {
        var stop = InForce.Decree61.Find(Position.Approving, DossierAction.Stop, FilingChannel.Direct)!;

        Assert.Null(Permissions.Refusal(new Actor("l1", [Role.Leader], "UBND"), stop, "TTHCC", "UBND"));
        Assert.NotNull(Permissions.Refusal(new Actor("l2", [Role.Leader], "STP"), stop, "TTHCC", "UBND"));
    }

    [Fact]
    public void Refusal_OfficerOfAnotherUnit_IsRefused()
    {
        var receive = InForce.Decree118.Find(Position.Submitted, DossierAction.Receive, FilingChannel.Direct)!;

        Assert.Null(Permissions.Refusal(new Actor("o1", [Role.Officer], "TTHCC"), receive, "TTHCC", null));
        Assert.NotNull(Permissions.Refusal(new Actor("o2", [Role.Officer], "BPMC-TK"), receive, "TTHCC", null));
    }

    [Theory]
    [InlineData(DossierStatus.Submitted, false, 1)]
    [InlineData(DossierStatus.Processing, false, 2)]
    [InlineData(DossierStatus.Processing, true, 4)]
    [InlineData(DossierStatus.Refused, false, 3)]
    [InlineData(DossierStatus.SupplementRequested, true, 5)]
    [InlineData(DossierStatus.AwaitingPayment, true, 6)]
    [InlineData(DossierStatus.Withdrawn, false, 7)]
    [InlineData(DossierStatus.Stopped, true, 8)]
    [InlineData(DossierStatus.Done, true, 9)]
    [InlineData(DossierStatus.Returned, true, 10)]
    public void NationalStatusCode_EachStatus_IsTheDvcqgCode(DossierStatus status, bool handlingStarted, int expected) =>
        Assert.Equal(expected, NationalCodes.Of(status, handlingStarted));
}
