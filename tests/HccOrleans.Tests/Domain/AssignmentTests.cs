using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;
using static HccOrleans.Tests.Support.TestDossiers;

namespace HccOrleans.Tests.Domain;

/// <summary>The appraisal given to a named specialist: who may assign, claim and act, and what is refused.</summary>
[Trait("Category", "Domain")]
public sealed class AssignmentTests
{
    private static readonly Actor Other = new("other", [Role.Specialist], "AGA");
    private static readonly Person Mine = new("specialist", "Nguyễn Văn Thụ", "Chuyên viên", "AGA", [Role.Specialist], true);
    private static readonly Person OtherPerson = new("other", "Trần Thị Lý", "Chuyên viên", "AGA", [Role.Specialist], true);
    private static readonly DateTimeOffset Tuesday = Vn(2025, 3, 11, 9);

    [Fact]
    public void ALeaderAssigns_ThenOnlyTheAssigneeOrALeaderActs()
    {
        var assigned = Step(ReceivedMonday0800(), new Assign("specialist", Mine), Leader, Tuesday);

        Assert.Equal("specialist", assigned.Assignee);
        Assert.Equal("Nguyễn Văn Thụ (specialist)", assigned.Log[^1].Note);
        Assert.Equal(RuleCodes.AssignedToAnother, Refused(assigned, new Appraise(AppraisalOutcome.Eligible, null), Other, Tuesday).Rule);
        Assert.Empty(DossierMachine.Offers(assigned, Other, Tuesday));
        Assert.Contains(DossierAction.Appraise, DossierMachine.Offers(assigned, Specialist, Tuesday));
        Assert.Equal(ProcessingStep.Approve, Step(assigned, new Appraise(AppraisalOutcome.Eligible, null), Specialist, Tuesday).Step);
    }

    [Fact]
    public void ASpecialistClaimsUnassignedWork_ForThemselvesOnly_AndNotWorkAlreadyGiven()
    {
        var received = ReceivedMonday0800();
        Assert.Equal(RuleCodes.ClaimOnlyForOneself, Refused(received, new Assign("other", OtherPerson), Specialist, Tuesday).Rule);

        var claimed = Step(received, new Assign("specialist", Mine), Specialist, Tuesday);
        Assert.Equal("specialist", claimed.Assignee);
        var second = Refused(claimed, new Assign("other", OtherPerson), Other, Tuesday);
        Assert.Equal((RuleCodes.AlreadyAssigned, RejectionKind.Conflict), (second.Rule, second.Kind));

        var reassigned = Step(claimed, new Assign("other", OtherPerson), Leader, Tuesday);
        Assert.Equal("other", reassigned.Assignee);
    }

    [Theory]
    [InlineData("nobody", RuleCodes.AssigneeUnknown)]
    [InlineData("inactive", RuleCodes.AssigneeInactive)]
    [InlineData("elsewhere", RuleCodes.AssigneeOtherAgency)]
    [InlineData("officer", RuleCodes.AssigneeCannotAppraise)]
    public void AnAssigneeWhoCannotTakeTheAppraisal_IsRefusedByName_AndNothingChanges(string userName, string rule)
    {
        var people = new Dictionary<string, Person>
        {
            ["inactive"] = new("inactive", "Lê Văn Nghỉ", null, "AGA", [Role.Specialist], false),
            ["elsewhere"] = new("elsewhere", "Phạm Thị Khác", null, "AGB", [Role.Specialist], true),
            ["officer"] = new("officer", "Võ Văn Quầy", null, "AGA", [Role.Officer], true),
        };
        var received = ReceivedMonday0800();

        var refusal = Refused(received, new Assign(userName, people.GetValueOrDefault(userName)), Leader, Tuesday);

        Assert.Equal((rule, RejectionKind.RuleRefused), (refusal.Rule, refusal.Kind));
        Assert.Contains("userName", refusal.Errors!.Keys);
    }

    [Fact]
    public void StepHandlers_NameWhoEndedEachStep_AndTheLastOfARepeatedStepCarriesItsLateness()
    {
        var appraised = Step(Step(ReceivedMonday0800(), new Assign("specialist", Mine), Leader, Tuesday), new Appraise(AppraisalOutcome.Eligible, null), Specialist, Tuesday);
        var sentBack = Step(appraised, new SendBack("Thiếu ý kiến"), Leader, Vn(2025, 3, 12, 9));
        var again = Step(Step(sentBack, new Assign("other", OtherPerson), Leader, Vn(2025, 3, 12, 10)), new Appraise(AppraisalOutcome.Eligible, null), Other, Vn(2025, 3, 26, 9));
        var approved = Step(again, new Approve(null), Leader, Vn(2025, 3, 26, 10));

        var handlers = DossierSummaries.ToSummary(approved).Handlers;

        Assert.Equal(
            [(ProcessingStep.Appraise, "specialist"), (ProcessingStep.Approve, "leader"), (ProcessingStep.Appraise, "other"), (ProcessingStep.Approve, "leader")],
            handlers.Select(h => (h.Step, h.By)));
        Assert.NotNull(approved.Lateness);
        var appraisalShare = approved.Lateness!.Where(s => s.Part == "appraise").Sum(s => s.ShareMinutes);
        Assert.True(appraisalShare > 0, "the second appraisal ran past the due date");
        Assert.Equal([0, appraisalShare], handlers.Where(h => h.Step == ProcessingStep.Appraise).Select(h => h.LateMinutes));
    }
}
