using HccOrleans.Grains.Workflow;
using Position = HccOrleans.Grains.Workflow.Position;

namespace HccOrleans.Tests.Domain;

/// <summary>Every cell of the transition table in docs/rules/lifecycle.md, allowed or refused, transcribed here independently of the code.</summary>
[Trait("Category", "Domain")]
public sealed class WorkflowTableTests
{
    private static readonly Position?[] Positions =
    [
        null,
        Position.Submitted,
        Position.SupplementAtReceipt,
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

    private static readonly Role[] Citizen = [Role.Officer, Role.Portal];

    // (from, action) → (to, who) exactly as docs/rules/lifecycle.md lists them; every other cell is invalid.
    private static readonly Dictionary<(Position?, DossierAction), (Position To, Role[] By)> Allowed = new()
    {
        [(null, DossierAction.Submit)] = (Position.Submitted, [Role.Officer, Role.Portal]),
        [(Position.Submitted, DossierAction.Receive)] = (Position.Appraising, [Role.Officer]),
        [(Position.Submitted, DossierAction.Refuse)] = (Position.Refused, [Role.Officer]),
        [(Position.Submitted, DossierAction.RequestSupplement)] = (Position.SupplementAtReceipt, [Role.Officer]),
        [(Position.Appraising, DossierAction.RequestSupplement)] = (Position.SupplementInAppraisal, [Role.Specialist]),
        [(Position.SupplementAtReceipt, DossierAction.Supplement)] = (Position.Submitted, [Role.Officer, Role.Portal]),
        [(Position.SupplementInAppraisal, DossierAction.Supplement)] = (Position.Appraising, [Role.Officer, Role.Portal]),
        [(Position.Appraising, DossierAction.Appraise)] = (Position.Approving, [Role.Specialist]),
        [(Position.Approving, DossierAction.Approve)] = (Position.Done, [Role.Leader]),
        [(Position.Approving, DossierAction.SendBack)] = (Position.Appraising, [Role.Leader]),
        [(Position.Done, DossierAction.Return)] = (Position.Returned, [Role.Officer]),
        [(Position.Appraising, DossierAction.RequestPayment)] = (Position.AwaitingPayment, [Role.Specialist]),
        [(Position.AwaitingPayment, DossierAction.Pay)] = (Position.Appraising, [Role.Officer, Role.Portal]),
        // Withdrawal is the citizen's own request, through the counter or the portal; never once the result exists.
        [(Position.Submitted, DossierAction.Withdraw)] = (Position.Withdrawn, Citizen),
        [(Position.SupplementAtReceipt, DossierAction.Withdraw)] = (Position.Withdrawn, Citizen),
        [(Position.Appraising, DossierAction.Withdraw)] = (Position.Withdrawn, Citizen),
        [(Position.SupplementInAppraisal, DossierAction.Withdraw)] = (Position.Withdrawn, Citizen),
        [(Position.Approving, DossierAction.Withdraw)] = (Position.Withdrawn, Citizen),
        [(Position.AwaitingPayment, DossierAction.Withdraw)] = (Position.Withdrawn, Citizen),
        // The leader stops processing; the engine stops a dossier whose supplement or payment never came.
        [(Position.Appraising, DossierAction.Stop)] = (Position.Stopped, [Role.Leader]),
        [(Position.Approving, DossierAction.Stop)] = (Position.Stopped, [Role.Leader]),
        [(Position.SupplementAtReceipt, DossierAction.Stop)] = (Position.Stopped, [Role.System]),
        [(Position.SupplementInAppraisal, DossierAction.Stop)] = (Position.Stopped, [Role.System]),
        [(Position.AwaitingPayment, DossierAction.Stop)] = (Position.Stopped, [Role.System]),
        [(Position.Appraising, DossierAction.Apologize)] = (Position.Appraising, [Role.Leader]),
        [(Position.Approving, DossierAction.Apologize)] = (Position.Approving, [Role.Leader]),
    };

    public static TheoryData<int, DossierAction> Cells()
    {
        var cells = new TheoryData<int, DossierAction>();
        for (var i = 0; i < Positions.Length; i++)
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                cells.Add(i, action);
            }
        }

        return cells;
    }

    /// <summary>The cells the table allows: the refusal theory runs on each of them and on nothing else.</summary>
    public static TheoryData<int, DossierAction> AllowedCells()
    {
        var cells = new TheoryData<int, DossierAction>();
        foreach (var (from, action) in Allowed.Keys)
        {
            cells.Add(Array.IndexOf(Positions, from), action);
        }

        return cells;
    }

    /// <summary>The theories' counts are what they check: every position with every action, and each allowed cell once.</summary>
    [Fact]
    public void Theories_CoverEveryCellOnce_AndTheAllowedOnesForRoles()
    {
        Assert.Equal(Positions.Length * Enum.GetValues<DossierAction>().Length, Cells().Count);
        Assert.Equal(Positions.Length, Positions.Distinct().Count());
        Assert.Equal(Allowed.Count, AllowedCells().Count);
        Assert.DoesNotContain(AllowedCells(), cell => (int)cell[0] < 0);
    }

    /// <summary>An action nobody can take is a forgotten row: every action moves a dossier from somewhere.</summary>
    [Fact]
    public void Find_EveryAction_HasAMoveFromSomePosition() =>
        Assert.All(Enum.GetValues<DossierAction>(), action =>
            Assert.Contains(Positions.Select(p => (Position?)p).Prepend(null), from => TransitionTable.Find(from, action) is not null));

    [Theory]
    [MemberData(nameof(Cells))]
    public void Find_EveryCell_MatchesDomainTable(int fromIndex, DossierAction action)
    {
        var from = Positions[fromIndex];
        var transition = TransitionTable.Find(from, action);

        if (Allowed.TryGetValue((from, action), out var expected))
        {
            Assert.NotNull(transition);
            Assert.Equal(expected.To, transition.To);
            Assert.Equal(expected.By.Order(), transition.By.Order());
        }
        else
        {
            Assert.Null(transition);
        }
    }

    [Theory]
    [MemberData(nameof(AllowedCells))]
    public void Refusal_EveryRoleOnEveryAllowedCell_OnlyTheTableRolesPass(int fromIndex, DossierAction action)
    {
        var from = Positions[fromIndex];
        var expected = Allowed[(from, action)];
        var transition = TransitionTable.Find(from, action);
        Assert.NotNull(transition);
        foreach (var role in Enum.GetValues<Role>())
        {
            // The actor belongs to both the receiving unit and the step agency, so only the role decides.
            var actor = new Actor("someone", [role], "AG");
            var refusal = Permissions.Refusal(actor, transition, receivingUnit: "AG", stepAgency: "AG");
            Assert.Equal(expected.By.Contains(role), refusal is null);
        }
    }

    [Fact]
    public void Refusal_SpecialistOfAnotherAgency_IsRefused()
    {
        var appraise = TransitionTable.Find(Position.Appraising, DossierAction.Appraise)!;

        Assert.Null(Permissions.Refusal(new Actor("s1", [Role.Specialist], "STP"), appraise, "TTHCC", "STP"));
        Assert.NotNull(Permissions.Refusal(new Actor("s2", [Role.Specialist], "SYT"), appraise, "TTHCC", "STP"));
    }

    [Fact]
    public void Refusal_LeaderOfAnotherAgency_MayNotStop()
    {
        var stop = TransitionTable.Find(Position.Approving, DossierAction.Stop)!;

        Assert.Null(Permissions.Refusal(new Actor("l1", [Role.Leader], "UBND"), stop, "TTHCC", "UBND"));
        Assert.NotNull(Permissions.Refusal(new Actor("l2", [Role.Leader], "STP"), stop, "TTHCC", "UBND"));
    }

    [Fact]
    public void Refusal_OfficerOfAnotherUnit_IsRefused()
    {
        var receive = TransitionTable.Find(Position.Submitted, DossierAction.Receive)!;

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
        Assert.Equal(expected, TransitionTable.NationalStatusCode(status, handlingStarted));
}
