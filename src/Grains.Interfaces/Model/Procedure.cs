using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>A processing time as the catalogue states it, e.g. 15 working-days.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ProcessingTime")]
public sealed record ProcessingTime(
    [property: Id(0)] decimal Value,
    [property: Id(1)] TimeUnit Unit);

/// <summary>The share of the processing time given to one step, and the agency that performs it.</summary>
[GenerateSerializer, Immutable, Alias("hcc.StepAssignment")]
public sealed record StepAssignment(
    [property: Id(0)] ProcessingStep Step,
    [property: Id(1)] string AgencyCode,
    [property: Id(2)] decimal Share);

/// <summary>What an administrator writes for a procedure; every change becomes a new version.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ProcedureDefinition")]
public sealed record ProcedureDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string AgencyCode,
    [property: Id(2)] string Field,
    [property: Id(3)] OnlineLevel OnlineLevel,
    [property: Id(4)] bool PostalAllowed,
    [property: Id(5)] decimal Fee,
    [property: Id(6)] ProcessingTime ProcessingTime,
    [property: Id(7)] ProcessingTime? OnlineProcessingTime,
    [property: Id(8)] StepAssignment[] Steps,
    [property: Id(9)] SupplementPolicy? SupplementPolicy)
{
    /// <summary>Whether a financial obligation set after receipt stops the clock (sector law); null: the regime's default.</summary>
    [Id(10)] public bool? PaymentPausesClock { get; init; }

    /// <summary>Sector law's own limit for receiving an online dossier, in working hours; null: the regime's.</summary>
    [Id(11)] public int? OnlineReceptionWorkingHours { get; init; }

    /// <summary>Sector law's own period, in days from the notice, after which an unanswered supplement may be closed; null: the regime's.</summary>
    [Id(12)] public int? SupplementClosureDays { get; init; }

    /// <summary>Sector law's own period, in working days after receipt, for a timely appraisal-stage supplement request; null: the regime's.</summary>
    [Id(13)] public int? TimelySupplementWorkingDays { get; init; }

    /// <summary>
    /// The level whose agency decides; null: provincial (the catalogue's <see cref="AgencyCode"/>). A commune-level
    /// procedure names no agency: each dossier names the commune that handles it.
    /// </summary>
    [Id(14)] public UnitLevel? CompetentLevel { get; init; }

    [JsonIgnore]
    public bool NamedPerDossier => CompetentLevel == UnitLevel.Commune;

    /// <summary>Inter-agency work (liên thông): the agency that leads it and issues the result; one of <see cref="Agencies"/>.</summary>
    [Id(15)] public string? LeadAgency { get; init; }

    /// <summary>The agencies of inter-agency work, each with its order and time limit; null for a procedure one agency handles.</summary>
    [Id(16)] public AgencyPart[]? Agencies { get; init; }

    /// <summary>How the agencies take their parts; null: by channel, as Art. 20(2) says.</summary>
    [Id(17)] public InterAgencyMode? Mode { get; init; }

    [JsonIgnore]
    public bool IsInterAgency => Agencies is { Length: > 0 };

    /// <summary>The components the procedure asks for, as the counter's checklist; null: the catalogue does not list them.</summary>
    [Id(18), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CatalogueComponent[]? Components { get; init; }

    /// <summary>The kinds of result it issues.</summary>
    [Id(19), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ResultType[]? ResultTypes { get; init; }

    /// <summary>Its fees and charges, each paid at submission or requested after receipt.</summary>
    [Id(20), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ProcedureFee[]? Fees { get; init; }

    /// <summary>The components this entry requires that <paramref name="documents"/> do not list (by name, case and spaces aside).</summary>
    public IReadOnlyList<string> MissingComponents(IEnumerable<DocumentItem> documents)
    {
        var listed = documents.Select(d => d.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. (Components ?? []).Where(c => c.Required && !listed.Contains(c.Name.Trim())).Select(c => c.Name)];
    }

    /// <summary>What is paid when a dossier is filed: the sum of the fees due at submission.</summary>
    public decimal DueAtSubmission() => (Fees ?? []).Where(fee => fee?.When == FeeTiming.Submission).Sum(fee => fee.Amount);

    /// <summary>How a dossier filed through <paramref name="channel"/> passes between the agencies.</summary>
    public InterAgencyMode ModeFor(FilingChannel channel) => Mode switch
    {
        InterAgencyMode.Sequential or InterAgencyMode.Parallel => Mode.Value,
        _ => channel == FilingChannel.Online ? InterAgencyMode.Parallel : InterAgencyMode.Sequential,
    };

    /// <summary>The definition as one dossier follows it, handled by <paramref name="agency"/>: steps with no agency of their own are its.</summary>
    public ProcedureDefinition HandledBy(string agency) => this with
    {
        AgencyCode = agency,
        Steps = [.. (Steps ?? []).Select(step => string.IsNullOrEmpty(step.AgencyCode) ? step with { AgencyCode = agency } : step)],
    };

    /// <summary>The agencies that handle a dossier of this procedure: the procedure's own and each step's.</summary>
    public IEnumerable<string> HandlingAgencies() =>
        (Steps ?? []).Select(step => step.AgencyCode).Concat((Agencies ?? []).Select(part => part.AgencyCode)).Prepend(AgencyCode).Distinct(StringComparer.Ordinal);
}

/// <summary>One version of a procedure, as a dossier keeps it from receipt on.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ProcedureVersion")]
public sealed record ProcedureVersion(
    [property: Id(0)] string Code,
    [property: Id(1)] int Version,
    [property: Id(2)] ProcedureDefinition Definition,
    [property: Id(3)] DateTimeOffset EffectiveFrom);
