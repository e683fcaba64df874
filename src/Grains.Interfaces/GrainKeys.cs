namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// Grain keys in one place. Every key carries a non-hex character so that the ADO.NET storage never
/// mistakes it for an integer key (dotnet/orleans#9706).
/// </summary>
public static class GrainKeys
{
    public const string Units = "units";
    public const string ProcedureDirectory = "procedures";
    public const string People = "people";

    public static string Procedure(string code) => $"procedure/{code}";

    public static string Calendar(int year) => $"year-{year}";

    /// <summary>The due-date recompute that follows a change of the year's calendar (one at a time per year).</summary>
    public static string DueRecompute(int year) => $"due-recompute-{year}";

    /// <summary>One sequence per receiving unit and Vietnam-time day, e.g. <c>000.00.20.H47-190806</c>.</summary>
    public static string CodeSequence(string electronicId, DateOnly day) => $"{electronicId}-{day:yyMMdd}";

    /// <summary>The saved queue views shared by one role, e.g. <c>views/officer</c>.</summary>
    public static string SavedViews(string role) => $"views/{role}";

    /// <summary>A transfer's or a payment platform's reference, claimed by the one dossier it paid for (an <see cref="IDossierCodeGrain"/>).</summary>
    public static string PaymentReference(string reference) => $"payment-reference/{reference.Trim()}";

    /// <summary>One applicant's documents and issued results, by ID number (upper case: passport numbers carry a letter).</summary>
    public static string Applicant(string idNumber) => $"applicant/{idNumber.Trim().ToUpperInvariant()}";

    /// <summary>Idempotency keys are scoped to the caller, so two callers never share one.</summary>
    public static string Submission(string subject, string idempotencyKey) => $"submission/{subject}/{idempotencyKey}";
}
