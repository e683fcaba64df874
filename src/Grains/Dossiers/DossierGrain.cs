using System.Security.Cryptography;
using System.Text;
using HccOrleans.Domain;
using HccOrleans.Grains;
using HccOrleans.Hosting;
using HccOrleans.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HccOrleans.Dossiers;

[GrainType("dossier")]
public sealed class DossierGrain(
    [PersistentState("dossier", "hcc")] IPersistentState<DossierState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    CalendarLoader calendars) : Grain, IDossierGrain
{
    private static readonly Rejection NotFound = new(RejectionKind.NotFound, "dossier-not-found", "No dossier has this code.");

    public async Task<DossierResult> CreateAsync(NewDossier dossier)
    {
        if (state.State.Exists)
        {
            return DossierResult.Ok(state.State.ToSnapshot());
        }

        if (Workflow.Find(null, DossierAction.Submit) is { } submit
            && Permissions.Refusal(dossier.SubmittedBy, submit, dossier.Request.ReceivingUnit, null) is { } refusal)
        {
            return DossierResult.Refused(new Rejection(RejectionKind.Forbidden, "not-permitted", refusal));
        }

        await state.ReplaceAsync(DossierMachine.Created(dossier));
        return DossierResult.Ok(state.State.ToSnapshot());
    }

    public Task<DossierResult> GetAsync(Actor reader)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return Task.FromResult(DossierResult.Refused(NotFound));
        }

        var agencies = new[] { s.Procedure!.Definition.AgencyCode }.Concat(s.Procedure.Definition.Steps.Select(step => step.AgencyCode));
        return Task.FromResult(Permissions.CanRead(reader, s.Request!.ReceivingUnit, agencies)
            ? DossierResult.Ok(s.ToSnapshot())
            : DossierResult.Refused(new Rejection(RejectionKind.Forbidden, "not-permitted",
                $"Agency '{reader.Agency}' neither received nor handles this dossier.")));
    }

    public Task<LookupView?> LookupAsync(string idNumber)
    {
        var s = state.State;
        var matches = s.Exists && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(s.Request!.Applicant.IdNumber.ToUpperInvariant()),
            Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant()));
        return Task.FromResult(matches
            ? new LookupView(s.Code, s.Procedure!.Definition.Name, s.Status, StatusNames.Vietnamese(s.Status), s.ReceivedAt, s.DueAt, s.RescheduledDueAt, s.CompletedAt)
            : null);
    }

    public async Task<DossierResult> ReceiveAsync(ActionContext context)
    {
        if (!state.State.Exists)
        {
            return DossierResult.Refused(NotFound);
        }

        // The dossier keeps the procedure version in force at receipt.
        var current = await GrainFactory.GetGrain<IProcedureGrain>(GrainKeys.Procedure(state.State.Procedure!.Code)).GetCurrentAsync();
        return await ExecuteAsync(new Receive(current ?? state.State.Procedure), context);
    }

    public Task<DossierResult> RefuseAsync(ActionContext context, string reason) => ExecuteAsync(new Refuse(reason), context);

    public Task<DossierResult> RequestSupplementAsync(ActionContext context, string reason, string[] items) =>
        ExecuteAsync(new RequestSupplement(reason, items ?? []), context);

    public Task<DossierResult> SupplementAsync(ActionContext context, string? note) => ExecuteAsync(new Supplement(note), context);

    public Task<DossierResult> AppraiseAsync(ActionContext context, AppraisalOutcome outcome, string? note) =>
        ExecuteAsync(new Appraise(outcome, note), context);

    public Task<DossierResult> ApproveAsync(ActionContext context, string? note) => ExecuteAsync(new Approve(note), context);

    public Task<DossierResult> SendBackAsync(ActionContext context, string reason) => ExecuteAsync(new SendBack(reason), context);

    public Task<DossierResult> ReturnAsync(ActionContext context, ReturnMethod method) => ExecuteAsync(new Return(method), context);

    public Task<DossierResult> WithdrawAsync(ActionContext context, string reason) => ExecuteAsync(new Withdraw(reason), context);

    public Task<DossierResult> ApologizeAsync(ActionContext context, string reason, DateTimeOffset newDueAt) =>
        ExecuteAsync(new Apologize(reason, newDueAt), context);

    private async Task<DossierResult> ExecuteAsync(DossierCommand command, ActionContext context)
    {
        if (!state.State.Exists)
        {
            return DossierResult.Refused(NotFound);
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        var decision = DossierMachine.Decide(state.State, command, context, now, calendar);
        if (decision.Rejection is { } rejection)
        {
            return DossierResult.Refused(rejection);
        }

        await state.ReplaceAsync(decision.Next!);
        return DossierResult.Ok(state.State.ToSnapshot());
    }
}
