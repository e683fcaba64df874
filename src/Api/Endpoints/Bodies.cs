namespace HccOrleans.Api.Endpoints;

// Request bodies of the HTTP contract. Fields are nullable so that a missing one is reported as a
// validation error naming the field, not as an unreadable body.

public sealed record DevTokenRequest(string? Sub, string[]? Roles, string? Agency);

public sealed record DevTokenResponse(string Token);

public sealed record EmptyBody;

public sealed record ReasonBody(string? Reason)
{
    public ActionFields ToFields() => new() { Reason = Reason };
}

public sealed record RefuseBody(string? Reason, string? FileWith)
{
    public ActionFields ToFields() => new() { Reason = Reason, FileWith = FileWith };
}

public sealed record NoteBody(string? Note)
{
    public ActionFields ToFields() => new() { Note = Note };
}

public sealed record SupplementRequestBody(string? Reason, string[]? Items)
{
    public ActionFields ToFields() => new() { Reason = Reason, Items = Items };
}

public sealed record AppraiseBody(AppraisalOutcome? Outcome, string? Note)
{
    public ActionFields ToFields() => new() { Outcome = Outcome, Note = Note };
}

public sealed record ReturnBody(ReturnMethod? Method, string? CollectedBy = null)
{
    public ActionFields ToFields() => new() { Method = Method, CollectedBy = CollectedBy };
}

public sealed record ApologizeBody(string? Reason, DateTimeOffset? NewDueAt)
{
    public ActionFields ToFields() => new() { Reason = Reason, NewDueAt = NewDueAt };
}

/// <summary>An approval, with the result document if the leader gives it (its file from <c>POST /api/files</c>).</summary>
public sealed record ApproveBody(string? Note, ResultInput? Result)
{
    public ActionFields ToFields() => new() { Note = Note, Result = Result };
}

/// <summary>A correction: why, and the corrected result's file if there is one.</summary>
public sealed record CorrectResultBody(string? Reason, Guid? FileId)
{
    public ActionFields ToFields() => new() { Reason = Reason, FileId = FileId };
}

public sealed record PaymentRequestBody(decimal? Amount, string? Note)
{
    public ActionFields ToFields() => new() { Amount = Amount, Note = Note };
}

public sealed record CompletePartBody(string? Agency, string? Note)
{
    public ActionFields ToFields() => new() { Agency = Agency, Note = Note };
}

public sealed record ConsultBody(string? Agency, string? Question, DateTimeOffset? DueAt)
{
    public ActionFields ToFields() => new() { Agency = Agency, Question = Question, DueAt = DueAt };
}

public sealed record AnswerConsultationBody(int? Id, string? Answer)
{
    public ActionFields ToFields() => new() { ConsultationId = Id, Answer = Answer };
}

public sealed record AssignBody(string? UserName)
{
    public ActionFields ToFields() => new() { UserName = UserName };
}

/// <summary>A payment: <c>reference</c> (v1.1's <c>receiptNumber</c> still read), how it was paid, its proof.</summary>
public sealed record PayBody(string? Reference, string? ReceiptNumber, decimal? Amount, PaymentMethod? Method, string? Proof)
{
    public ActionFields ToFields() => new() { ReceiptNumber = Reference ?? ReceiptNumber, Amount = Amount, PaymentMethod = Method, Proof = Proof };
}

/// <summary>What the payment platform's adapter says was paid: the dossier (official code or registration number), its transaction reference, the amount.</summary>
public sealed record PaymentCallbackBody(string? DossierCode, string? Reference, decimal? Amount, string? Proof)
{
    public ActionFields ToFields() => new() { ReceiptNumber = Reference, Amount = Amount, PaymentMethod = PaymentMethod.Online, Proof = Proof };
}

/// <summary>A rating: the overall level, optionally each Art. 33(1) item by its letter (a, d, dd, e, g, h, i) and the two counts (b, c).</summary>
public sealed record RatingBody(string? IdNumber, SatisfactionRating? Rating, string? Comment, Dictionary<string, SatisfactionRating>? Items = null,
    int? AgenciesContacted = null, int? Contacts = null)
{
    public RatingInput ToInput(SatisfactionRating rating) =>
        new(rating, Comment, Items is null ? null : [.. Items.Select(i => new RatedItem(i.Key, i.Value))], AgenciesContacted, Contacts);
}

public sealed record CalendarBody(DateOnly[]? Holidays, DateOnly[]? WorkingDays);

/// <summary>A unit as the administrator writes it; kind and level are words (v1.1's one-stop and agency still read).</summary>
public sealed record UnitBody(
    string? Name,
    string? ElectronicId,
    string? Kind,
    string? Level = null,
    string? Parent = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? Successor = null,
    bool? ElectronicIdToConfigure = null);

/// <summary>A member of staff as the administrator writes them; roles are words.</summary>
public sealed record PersonBody(string? FullName, string? Title, string? Unit, string[]? Roles, bool? Active);

/// <summary>A procedure version as the API shows it: the definition's fields plus code, version and effective date.</summary>
public sealed record ProcedureView(
    string Code,
    int Version,
    DateTimeOffset EffectiveFrom,
    string Name,
    string AgencyCode,
    string Field,
    OnlineLevel OnlineLevel,
    bool PostalAllowed,
    decimal Fee,
    ProcessingTime ProcessingTime,
    ProcessingTime? OnlineProcessingTime,
    StepAssignment[] Steps,
    SupplementPolicy? SupplementPolicy,
    bool? PaymentPausesClock,
    int? OnlineReceptionWorkingHours,
    int? SupplementClosureDays,
    int? TimelySupplementWorkingDays,
    UnitLevel CompetentLevel,
    string? LeadAgency,
    AgencyPart[]? Agencies,
    InterAgencyMode? Mode,
    CatalogueComponent[]? Components,
    ResultType[]? ResultTypes,
    ProcedureFee[]? Fees)
{
    public static ProcedureView From(ProcedureVersion v) => new(
        v.Code, v.Version, v.EffectiveFrom, v.Definition.Name, v.Definition.AgencyCode, v.Definition.Field, v.Definition.OnlineLevel,
        v.Definition.PostalAllowed, v.Definition.Fee, v.Definition.ProcessingTime, v.Definition.OnlineProcessingTime, v.Definition.Steps,
        v.Definition.SupplementPolicy, v.Definition.PaymentPausesClock, v.Definition.OnlineReceptionWorkingHours,
        v.Definition.SupplementClosureDays, v.Definition.TimelySupplementWorkingDays, v.Definition.CompetentLevel ?? UnitLevel.Province,
        v.Definition.LeadAgency, v.Definition.Agencies, v.Definition.IsInterAgency ? v.Definition.Mode ?? InterAgencyMode.ByChannel : null,
        v.Definition.Components, v.Definition.ResultTypes, v.Definition.Fees);
}
