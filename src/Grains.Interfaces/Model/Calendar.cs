namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A year's days off and worked weekend days, complete: every day off is listed (compensatory days included),
/// and nothing more is derived. An administrator's entry is authoritative (<see cref="Provisional"/> false);
/// a year never entered is derived from the Labour Code and marked provisional.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.YearCalendar")]
public sealed record YearCalendar(
    [property: Id(0)] int Year,
    [property: Id(1)] DateOnly[] Holidays,
    [property: Id(2)] DateOnly[] WorkingDays,
    [property: Id(3)] bool Provisional);

/// <summary>One step's due instant in a <see cref="DuePreview"/>.</summary>
[GenerateSerializer, Immutable, Alias("hcc.StepDue")]
public sealed record StepDue(
    [property: Id(0)] ProcessingStep Step,
    [property: Id(1)] string AgencyCode,
    [property: Id(2)] DateTimeOffset DueAt);

/// <summary>
/// The due dates a dossier of a procedure would get if received at <see cref="From"/>: the appointment the
/// counter writes on the receipt. Each step is assumed to use its whole share, starting when the previous one is due.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.DuePreview")]
public sealed record DuePreview(
    [property: Id(0)] ProcedureRef Procedure,
    [property: Id(1)] FilingChannel Channel,
    [property: Id(2)] ProcessingTime ProcessingTime,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset ClockStart,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] StepDue[] Steps);
