using HccOrleans.Api.Web;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Pages;

/// <summary>
/// One dossier with its control log, and exactly the actions the person's role and the dossier's status allow
/// (what <see cref="IDossierGrain.OffersAsync"/> answers). A refused action is explained in Vietnamese.
/// </summary>
[Authorize]
public sealed class DossierModel(IGrainFactory grains, ApiZone zone, UnitNames units, PeopleNames people, EngineNow clock, IDossierQueries queries, IFileStore files,
    Microsoft.Extensions.Options.IOptions<Files.FilesOptions> fileOptions) : PageModel
{
    /// <summary>The signed-in person's unit: whose part of inter-agency work, whose consultation, the forms act for.</summary>
    public string Agency => User.ToActor().Agency;

    private IDossierGrain? _grain;

    public DateTimeOffset Now => clock.Now;

    public DossierSnapshot Dossier { get; private set; } = null!;
    public IReadOnlyList<DossierAction> Offers { get; private set; } = [];
    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();
    public IReadOnlyDictionary<string, Person> People { get; private set; } = new Dictionary<string, Person>();
    public TimeZoneInfo Zone => zone.Zone;

    /// <summary>What the citizen and the portal were sent of this dossier, and how each delivery went.</summary>
    public IReadOnlyList<Model.Notification> Sent { get; private set; } = [];

    public string UserName => User.ToActor().Subject;

    public bool IsLeader => User.ToActor().Has(Model.Role.Leader);

    /// <summary>Whom a leader may give the appraisal to: the active specialists of the appraising agency.</summary>
    public IEnumerable<Person> Specialists => People.Values
        .Where(p => p.Active && p.Roles.Contains(Model.Role.Specialist) && p.Unit == Dossier.StepAgency)
        .OrderBy(p => p.FullName, StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        ViewData["Live"] = true;
        if (await LoadAsync(code) is { } refused)
        {
            return refused;
        }

        await LoadFormDefaultsAsync();
        Typed = TypedForm.Take(TempData);
        return Page();
    }

    /// <summary>What the person typed into the form the engine just refused, to fill it again.</summary>
    public TypedForm? Typed { get; private set; }

    public async Task<IActionResult> OnGetStateAsync(string code) => await LoadAsync(code) ?? Partial("_DossierState", this);

    /// <summary>The file whose signatures <see cref="Signatures"/> lists.</summary>
    public Guid SignedFile { get; private set; }

    /// <summary>The PDF signatures of one of the dossier's files: who signed and whether each verifies.</summary>
    public IReadOnlyList<Files.PdfSignature> Signatures { get; private set; } = [];

    /// <summary>Checks the signatures of one file of this dossier (a component's copy, the result or a replaced result).</summary>
    public async Task<IActionResult> OnGetSignaturesAsync(string code, Guid fileId)
    {
        if (await ReadAsync(code) is { } refused)
        {
            return refused;
        }

        if (!FilesOf(Dossier).Contains(fileId))
        {
            return NotFound();
        }

        SignedFile = fileId;
        Signatures = await Files.PdfSignatures.OfStoredAsync(files, fileId, HttpContext.RequestAborted) ?? [];
        return Partial("_Signatures", this);
    }

    private static IEnumerable<Guid> FilesOf(DossierSnapshot dossier) =>
        dossier.Documents.SelectMany(d => new[] { d.FileId, d.Reuse })
            .Append(dossier.Result?.FileId)
            .Concat((dossier.Result?.ReplacedFiles ?? []).Select(file => (Guid?)file))
            .OfType<Guid>();

    /// <summary>How many working days past the due date the extension form proposes.</summary>
    public const int ProposedWorkingDays = 5;

    /// <summary>How many working days the consultation form gives the agency asked to answer, by default.</summary>
    public const int ConsultWorkingDays = 3;

    /// <summary>The answer date the consultation form proposes: the close of the third working day from now.</summary>
    public DateTimeOffset? ConsultDueAt { get; private set; }

    /// <summary>Whether the extension proposal or apology, sent now, would count as timely; said on its form before it is sent.</summary>
    public bool? NoticeTimelyNow { get; private set; }

    /// <summary>The date the extension or apology form proposes: never a weekend or a holiday.</summary>
    public DateTimeOffset? ProposedDueAt { get; private set; }

    /// <summary>The kinds of result the dossier's procedure issues, offered on the approval form.</summary>
    public IReadOnlyList<ResultType> ResultTypes { get; private set; } = [];

    public async Task<IActionResult> OnPostActAsync(string code, string? action, long? version, ActionForm form, IFormFile? resultFile)
    {
        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return NotFound();
        }

        if (!EnumWords.TryParse<DossierAction>(action, out var move) || move == DossierAction.Submit)
        {
            TempData["Refused"] = "Thao tác không hợp lệ.";
            return Redirect($"/dossiers/{code}");
        }

        var fields = form.ToFields(zone.Zone);
        if (move == DossierAction.Approve && resultFile is { Length: > 0 })
        {
            // Stored by the upload's own rules; a refused file refuses the approval before anything is decided.
            await using var content = resultFile.OpenReadStream();
            var (stored, unfit) = await Endpoints.FileEndpoints.IntakeAsync(content, resultFile.FileName, resultFile.ContentType, User.ToActor().Subject,
                fileOptions.Value, files, HttpContext.RequestAborted);
            if (unfit is not null)
            {
                TempData["Refused"] = $"{Texts.Action(move)}: bản điện tử của kết quả {Messages.Vietnamese(unfit)}";
                TypedForm.Keep(TempData, action!, Request.Form);
                return Redirect($"/dossiers/{code}");
            }

            fields = fields with { Result = (fields.Result ?? new Model.ResultInput(null, null, null)) with { FileId = stored!.FileId } };
        }

        var result = await (await grains.DossierAsync(code)).ActAsync(move, new Model.ActorContext(User.ToActor(), version), fields);
        if (result.Rejection is { } rejection)
        {
            TempData["Refused"] = $"{Texts.Action(move)}: {Texts.Refusal(rejection)}";
            TypedForm.Keep(TempData, action!, Request.Form);
        }
        else
        {
            TempData["Done"] = $"Đã thực hiện: {Texts.Action(move)}.";
            if (PrintedForms.After(move) is { } slip)
            {
                TempData["Slip"] = slip;
            }
        }

        return Redirect($"/dossiers/{code}");
    }

    /// <summary>The dossier as the person may see it; a refusal (not found, forbidden) when they may not.</summary>
    private async Task<IActionResult?> ReadAsync(string code)
    {
        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return NotFound();
        }

        _grain = await grains.DossierAsync(code);
        var result = await _grain.GetAsync(User.ToActor());
        if (result.Rejection is { Kind: RejectionKind.NotFound })
        {
            return NotFound();
        }

        if (result.Rejection is not null)
        {
            return Forbid();
        }

        Dossier = result.Dossier!;
        return null;
    }

    /// <summary>The dossier with what its state section shows: the actions offered, names, the messages sent.</summary>
    private async Task<IActionResult?> LoadAsync(string code)
    {
        if (await ReadAsync(code) is { } refused)
        {
            return refused;
        }

        Offers = await _grain!.OffersAsync(User.ToActor());
        Units = await units.AllAsync();
        People = await people.AllAsync();
        Sent = [.. (await queries.NotificationsAsync(Dossier.Code, null)).Where(n => n.Destination is not null)];
        return null;
    }

    /// <summary>What only the action forms use (the extension date proposed, the result types), not the live refreshes.</summary>
    private async Task LoadFormDefaultsAsync()
    {
        if (Dossier.DueAt is { } due && (Offers.Contains(DossierAction.ProposeExtension) || Offers.Contains(DossierAction.Apologize)))
        {
            var workingTime = grains.Reference<IWorkingTimeGrain>(IWorkingTimeGrain.Key);
            ProposedDueAt = await workingTime.WorkingDaysAfterAsync(due, ProposedWorkingDays);
            NoticeTimelyNow = await workingTime.TimelyNowAsync(Offers.Contains(DossierAction.ProposeExtension) ? DossierAction.ProposeExtension : DossierAction.Apologize, due);
        }

        if (Offers.Contains(DossierAction.Consult))
        {
            ConsultDueAt = await grains.Reference<IWorkingTimeGrain>(IWorkingTimeGrain.Key).WorkingDaysAfterAsync(clock.Now, ConsultWorkingDays);
        }

        if (Offers.Contains(DossierAction.Approve))
        {
            ResultTypes = (await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(Dossier.Procedure.Code)).GetCurrentAsync())?.Definition.ResultTypes ?? [];
        }
    }
}

/// <summary>The fields of the action forms, as the browser posts them.</summary>
public sealed record ActionForm
{
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string? Items { get; init; }
    public string? Outcome { get; init; }
    public string? Method { get; init; }
    public decimal? Amount { get; init; }
    public string? ReceiptNumber { get; init; }
    public string? PaymentMethod { get; init; }
    /// <summary>A datetime-local value, in the center's time.</summary>
    public string? NewDueAt { get; init; }
    public string? FileWith { get; init; }
    public string? Agency { get; init; }
    public string? Question { get; init; }
    /// <summary>A datetime-local value, in the center's time: when a consultation must be answered.</summary>
    public string? DueAt { get; init; }
    public int? Id { get; init; }
    public string? Answer { get; init; }
    public string? UserName { get; init; }
    public string? CollectedBy { get; init; }
    public string? ResultName { get; init; }
    public string? ResultType { get; init; }
    public string? ResultSummary { get; init; }
    public DateOnly? ResultValidFrom { get; init; }
    public DateOnly? ResultValidTo { get; init; }
    public string? ResultScope { get; init; }
    public bool? ResultElectronicOnly { get; init; }

    /// <summary>The result document the approval issues, when the leader gave any of its fields.</summary>
    private Model.ResultInput? Result =>
        new[] { ResultName, ResultType, ResultSummary, ResultScope }.Any(f => !string.IsNullOrWhiteSpace(f)) || ResultValidFrom is not null || ResultValidTo is not null
            ? new Model.ResultInput(ResultName, ResultType, ResultSummary, ResultValidFrom, ResultValidTo, string.IsNullOrWhiteSpace(ResultScope) ? null : ResultScope,
                null, ResultElectronicOnly == true ? true : null)
            : null;

    public ActionFields ToFields(TimeZoneInfo zone) => new()
    {
        Reason = Reason,
        FileWith = FileWith,
        Agency = Agency,
        Question = Question,
        DueAt = Local(DueAt, zone),
        ConsultationId = Id,
        Answer = Answer,
        UserName = UserName,
        Note = Note,
        Items = Items?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Outcome = EnumWords.TryParse<AppraisalOutcome>(Outcome, out var outcome) ? outcome : null,
        Method = EnumWords.TryParse<ReturnMethod>(Method, out var method) ? method : null,
        Amount = Amount,
        ReceiptNumber = ReceiptNumber,
        PaymentMethod = EnumWords.TryParse<Model.PaymentMethod>(PaymentMethod, out var paidBy) ? paidBy : null,
        NewDueAt = Local(NewDueAt, zone),
        Result = Result,
        CollectedBy = string.IsNullOrWhiteSpace(CollectedBy) ? null : CollectedBy,
    };

    private static DateTimeOffset? Local(string? value, TimeZoneInfo zone) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, zone.GetUtcOffset(local)) : null;
}
