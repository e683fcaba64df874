using HccOrleans.Grains.Regimes;
using System.Security.Cryptography;
using System.Text.Json;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Hosting;
using HccOrleans.Grains.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace HccOrleans.Grains.Intake;

[GenerateSerializer, Alias("hcc.SubmissionState")]
public sealed record SubmissionState
{
    /// <summary>SHA-256 of the request body, to tell a retry from a reuse of the key.</summary>
    [Id(0)] public string Fingerprint { get; init; } = "";
    /// <summary>Recorded before the dossier is created, so a retry after a crash creates the same dossier.</summary>
    [Id(1)] public NewDossier? Dossier { get; init; }
}

/// <summary>
/// One submission under one idempotency key: validates, allocates the code, records the intent, then
/// creates the dossier. A retry with the same body finishes or repeats the same creation.
/// </summary>
[GrainType("submission")]
public sealed class SubmissionGrain(
    [PersistentState("submission", "hcc")] IPersistentState<SubmissionState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    CalendarSettings calendar) : Grain, ISubmissionGrain
{
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web);

    public async Task<SubmissionResult> SubmitAsync(Actor actor, SubmissionRequest request)
    {
        var errors = SubmissionRules.Validate(request);
        if (!errors.IsEmpty)
        {
            return Refused(Rejection.Validation(errors.ToDictionary()));
        }

        request = request with { Documents = request.Documents ?? [] };
        var fingerprint = Fingerprint(request);
        if (state.State.Dossier is { } recorded)
        {
            return fingerprint == state.State.Fingerprint
                ? new(await Dossier(recorded.Code).CreateAsync(recorded), Created: false)
                : Refused(new Rejection(RejectionKind.Conflict, RuleCodes.IdempotencyKeyReused,
                    $"This Idempotency-Key was already used for another submission (dossier {recorded.Code})."));
        }

        if (InForce.Decree118.Find(null, DossierAction.Submit, request.Channel) is { } submit
            && Permissions.Refusal(actor, submit, request.ReceivingUnit, null) is { } refusal)
        {
            return Refused(new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted, refusal));
        }

        var now = clock.GetUtcNow();
        var day = calendar.LocalDate(now);
        var procedure = await GrainFactory.Reference<IProcedureGrain>(GrainKeys.Procedure(request.ProcedureCode)).GetCurrentAsync();
        var units = await GrainFactory.Reference<IUnitDirectoryGrain>(GrainKeys.Units)
            .ReceptionAsync(request.ReceivingUnit, procedure is null ? null : Competence.AgencyOf(procedure.Definition, request.CompetentAgency), day);
        if (units.Receiving is not { Receives: true } unit || !unit.ExistsOn(day))
        {
            return Refused(Field("receivingUnit", $"'{request.ReceivingUnit}' is not a service center or reception point on {day:yyyy-MM-dd}."));
        }

        if (procedure is null)
        {
            return Refused(Field("procedureCode", $"No procedure has code '{request.ProcedureCode}'."));
        }

        if (SubmissionRules.ChannelRefusal(procedure.Definition, request.Channel) is { } channelRefusal)
        {
            return Refused(new Rejection(RejectionKind.RuleRefused, RuleCodes.ChannelNotOffered, channelRefusal));
        }

        if (SubmissionRules.FeeRefusal(procedure.Definition, request.Payments) is { } feeRefusal)
        {
            return Refused(new Rejection(RejectionKind.RuleRefused, RuleCodes.FeeDueAtSubmission, feeRefusal));
        }

        var competence = Competence.Resolve(procedure.Definition, request.CompetentAgency, units, day, out var notCompetent);
        if (notCompetent is not null)
        {
            return Refused(notCompetent);
        }

        if (await UsedReferenceAsync(request.Payments ?? []) is { } used)
        {
            return Refused(new Rejection(RejectionKind.Conflict, RuleCodes.PaymentReferenceUsed,
                $"The reference '{used}' already paid for another dossier; each payment is recorded once (Decree 118/2025 Art. 24)."));
        }

        var sequence = await GrainFactory.Reference<ICodeSequenceGrain>(GrainKeys.CodeSequence(unit.ElectronicId, day)).NextAsync();
        var dossier = new NewDossier(DossierCode.Format(unit.ElectronicId, day, sequence), request, procedure with { Definition = competence.Definition }, now, actor)
        {
            Route = competence.Route,
        };
        await state.ReplaceAsync(new SubmissionState { Fingerprint = fingerprint, Dossier = dossier });
        return new(await Dossier(dossier.Code).CreateAsync(dossier), Created: true);
    }

    /// <summary>
    /// Claims each transfer's or platform's reference for this submission (its key, so that the same submission
    /// repeated after a crash claims them again as its own); answers the first reference another dossier holds.
    /// </summary>
    private async Task<string?> UsedReferenceAsync(SubmissionPayment[] payments)
    {
        var submission = this.GetPrimaryKeyString();
        foreach (var payment in payments.Where(p => p.ClaimsReference))
        {
            var reference = payment.Reference!.Trim();
            if (await GrainFactory.Reference<IDossierCodeGrain>(GrainKeys.PaymentReference(reference)).ClaimAsync(submission) != submission)
            {
                return reference;
            }
        }

        return null;
    }

    private IDossierGrain Dossier(string code) => GrainFactory.Reference<IDossierGrain>(code);

    private static SubmissionResult Refused(Rejection rejection) => new(DossierResult.Refused(rejection), Created: false);

    private static Rejection Field(string field, string message) =>
        new(RejectionKind.Invalid, RuleCodes.Validation, message, Errors: new() { [field] = [message] });

    private static string Fingerprint(SubmissionRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, FingerprintJson)));
}
