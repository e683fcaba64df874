using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Hosting;
using HccOrleans.Grains.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace HccOrleans.Grains.Catalogue;

[GenerateSerializer, Alias("hcc.ProcedureState")]
public sealed record ProcedureState
{
    [Id(0)] public ProcedureVersion[] Versions { get; init; } = [];
}

[GrainType("procedure")]
public sealed class ProcedureGrain(
    [PersistentState("procedure", "hcc")] IPersistentState<ProcedureState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    CalendarLoader calendars) : Grain, IProcedureGrain
{
    private string Code => this.GetPrimaryKeyString()["procedure/".Length..];

    public async Task<WriteResult<ProcedureVersion>> PutAsync(ProcedureDefinition definition)
    {
        // An inter-agency procedure's own agency is its lead agency, which appraises and issues the result.
        definition = definition with { Steps = definition.Steps ?? [], AgencyCode = definition.AgencyCode is { Length: > 0 } agency ? agency : definition.LeadAgency ?? "" };
        var errors = CatalogueRules.Validate(definition);
        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        var current = state.State.Versions.LastOrDefault();
        if (current is null || !CatalogueRules.SameDefinition(current.Definition, definition))
        {
            current = new ProcedureVersion(Code, (current?.Version ?? 0) + 1, definition, clock.GetUtcNow());
            await state.ReplaceAsync(state.State with { Versions = [.. state.State.Versions, current] });
        }

        // Always refresh the directory, so a retry mends a directory write that failed last time.
        await GrainFactory.Reference<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).UpsertAsync(current);
        return new(current, null);
    }

    public Task<ProcedureVersion?> GetCurrentAsync() => Task.FromResult(state.State.Versions.LastOrDefault());

    public Task<ProcedureVersion?> GetVersionAsync(int version) =>
        Task.FromResult(state.State.Versions.FirstOrDefault(v => v.Version == version));

    public async Task<WriteResult<DuePreview>> PreviewDueAsync(DateTimeOffset from, FilingChannel channel)
    {
        if (state.State.Versions.LastOrDefault() is not { } current)
        {
            return new(null, new Rejection(RejectionKind.NotFound, RuleCodes.ProcedureNotFound, $"No procedure has code '{Code}'."));
        }

        if (SubmissionRules.ChannelRefusal(current.Definition, channel) is { } refusal)
        {
            return new(null, new Rejection(RejectionKind.RuleRefused, RuleCodes.ChannelNotOffered, refusal));
        }

        return new(Deadlines.Preview(await calendars.LoadAsync(from), current, channel, from, InForce.At(from).LateReceiptCutoffMovesClock), null);
    }
}
