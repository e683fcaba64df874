namespace HccOrleans.Grains.Intake;

/// <summary>
/// Which agency handles a new dossier and how it gets there: a provincial procedure's department, or the commune the
/// dossier names for a commune-level one (Decree 118/2025 Art. 14); and, received away from that agency's own one-stop
/// unit, the route it is forwarded on (Art. 20(1)).
/// </summary>
public static class Competence
{
    public sealed record Resolved(ProcedureDefinition Definition, ReceptionRoute? Route);

    /// <summary>The agency to ask the directory about: the dossier's commune, or the procedure's own agency.</summary>
    public static string? AgencyOf(ProcedureDefinition procedure, string? competentAgency) =>
        procedure.NamedPerDossier ? competentAgency : procedure.AgencyCode;

    public static Resolved Resolve(ProcedureDefinition procedure, string? competentAgency, ReceptionUnits units, DateOnly day, out Rejection? refusal)
    {
        refusal = null;
        var agency = AgencyOf(procedure, competentAgency);
        if (procedure.NamedPerDossier && string.IsNullOrWhiteSpace(competentAgency))
        {
            refusal = new(RejectionKind.Invalid, RuleCodes.Validation, "A commune-level procedure's dossier names the commune that handles it.",
                Errors: new() { ["competentAgency"] = ["is required for a commune-level procedure: the commune's People's Committee that handles it."] });
            return new(procedure, null);
        }

        var unit = units.Agency;
        if (procedure.NamedPerDossier && unit is not { Kind: UnitKind.HandlingAgency, Level: UnitLevel.Commune } || (unit is not null && !unit.ExistsOn(day)))
        {
            refusal = NotCompetent($"'{agency}' is not a commune that handles procedures on {day:yyyy-MM-dd}.");
            return new(procedure, null);
        }

        if (!procedure.NamedPerDossier && competentAgency is not null && competentAgency != procedure.AgencyCode)
        {
            refusal = NotCompetent($"This provincial procedure is handled by {procedure.AgencyCode}, not '{competentAgency}'.");
            return new(procedure, null);
        }

        var definition = procedure.NamedPerDossier ? procedure.HandledBy(agency!) : procedure;
        var (receiving, oneStop) = (units.Receiving!, units.AgencyOneStop);
        var route = oneStop is null || UnitTree.IsPartOf(receiving, oneStop) ? null : new ReceptionRoute(oneStop.AgencyCode, receiving.Level, unit!.Level);
        return new(definition, route);
    }

    /// <summary>
    /// A procedure version as one dossier follows it: a commune-level one handled by the commune it names. Null when
    /// the version became commune-level after a dossier that names no commune was filed (it keeps its own version).
    /// </summary>
    public static ProcedureVersion? For(ProcedureVersion? version, SubmissionRequest request) => version switch
    {
        null => null,
        { Definition.NamedPerDossier: false } => version,
        _ when request.CompetentAgency is { } commune => version with { Definition = version.Definition.HandledBy(commune) },
        _ => null,
    };

    private static Rejection NotCompetent(string detail) =>
        new(RejectionKind.RuleRefused, RuleCodes.NotCompetent, detail, Errors: new() { ["competentAgency"] = [detail] });
}
