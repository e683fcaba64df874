using HccOrleans.Api.Files;
using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The counter: an officer finds the procedure by typing a few letters of its code or name (without accents), gets its
/// components and fees from the catalogue, types the applicant, and with Ctrl+Enter registers, receives and opens the
/// receipt to print; Enter moves to the next field.
/// </summary>
[Authorize(Roles = "officer")]
public sealed class CounterModel(IGrainFactory grains, EngineNow clock, ApiZone zone, IFileStore files, IOptions<FilesOptions> fileOptions,
    ProcedureUsage usage) : PageModel
{
    /// <summary>The procedures the picker offers for what was typed (<see cref="ProcedureQuery"/>).</summary>
    public IReadOnlyList<ProcedureVersion> Found { get; private set; } = [];

    /// <summary>What the picker's list answers; null before anything was typed.</summary>
    public string? ProcedureQuery { get; private set; }

    /// <summary>The unit's dossiers per procedure over the last 90 days.</summary>
    public IReadOnlyDictionary<string, int> Usage { get; private set; } = new Dictionary<string, int>();

    /// <summary>The procedure chosen, as the catalogue has it now.</summary>
    public ProcedureVersion? Chosen { get; private set; }

    /// <summary>The field the cursor goes back to: the first one refused, else the procedure.</summary>
    public string FocusField { get; private set; } = "procedure-search";

    [BindProperty] public CounterForm Form { get; set; } = new();

    public DuePreview? Preview { get; private set; }

    public string? PreviewRefusal { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>
    /// What was refused in a field, in Vietnamese: the contract's messages said from <see cref="Messages"/>, after the
    /// field's name when it has one (the page's own messages are whole sentences already).
    /// </summary>
    public string? ErrorText(string field)
    {
        if (!Errors.TryGetValue(field, out var messages))
        {
            return null;
        }

        var said = string.Join(" ", messages.Select(Messages.Vietnamese));
        return Texts.Field(field) is var label && label != field ? $"{label} {said}" : said;
    }

    public string? Refusal { get; private set; }

    public TimeZoneInfo Zone => zone.Zone;

    /// <summary>The applicant's documents digitised before, offered for reuse once their ID number is typed.</summary>
    public IReadOnlyList<CitizenDocument> Earlier { get; private set; } = [];

    /// <summary>Rows for scanned components.</summary>
    public const int ScanRows = 3;

    public async Task OnGetAsync()
    {
        Form = new CounterForm { IdempotencyKey = Guid.NewGuid().ToString("N") };
        await LoadAsync();
    }

    /// <summary>The appointment for the procedure and channel chosen so far (htmx, while the form is filled).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(
        [FromQuery(Name = "Form.ProcedureCode")] string? procedure, [FromQuery(Name = "Form.Channel")] FilingChannel? channel)
    {
        await PreviewAsync(procedure, channel ?? FilingChannel.Direct);
        return Partial("_DuePreview", this);
    }

    /// <summary>The picker's list for what was typed so far (htmx, at each key press).</summary>
    public async Task<IActionResult> OnGetProceduresAsync([FromQuery(Name = "procedureSearch")] string? typed)
    {
        ProcedureQuery = typed ?? "";
        Usage = await usage.OfAsync(User.ToActor().Agency);
        Found = ProcedureSearch.Find(await CatalogueAsync(), typed, Usage);
        return Partial("_ProcedureOptions", this);
    }

    /// <summary>The chosen procedure's components and fees (htmx, once it is chosen).</summary>
    public async Task<IActionResult> OnGetChecklistAsync([FromQuery(Name = "Form.ProcedureCode")] string? procedure)
    {
        Form = new CounterForm { ProcedureCode = procedure };
        await ChooseAsync(procedure);
        return Partial("_Checklist", this);
    }

    /// <summary>The applicant's earlier documents (htmx, once the ID number is typed).</summary>
    public async Task<IActionResult> OnGetEarlierAsync([FromQuery(Name = "Form.IdNumber")] string? idNumber)
    {
        await LoadEarlierAsync(idNumber);
        return Partial("_EarlierDocuments", this);
    }

    public async Task<IActionResult> OnPostAsync(string? then)
    {
        var actor = User.ToActor();
        var (components, scanErrors) = await CounterComponents.ReadAsync(Form.Scans, Form.Reuse, Form.IdNumber, actor.Subject, fileOptions.Value, files, grains,
            HttpContext.RequestAborted);
        await ChooseAsync(Form.ProcedureCode);
        var request = Form.ToRequest(actor.Agency, Chosen?.Definition);
        // A scanned, exempt or reused component named like a listed one is that component, with its electronic copy.
        request = request with { Documents = [.. request.Documents.Where(d => !components.Any(c => c.Name == d.Name)), .. components] };
        var unfit = scanErrors.Count > 0 ? Rejection.Validation(scanErrors)
            : MissingComponents(request) ?? await DocumentChecks.RefusalAsync(request, files, grains, HttpContext.RequestAborted);
        if (unfit is not null)
        {
            Errors = unfit.Errors ?? new Dictionary<string, string[]>();
            Refusal = Texts.Refusal(unfit);
            await LoadAsync();
            return Page();
        }

        var submitted = await grains.Reference<ISubmissionGrain>(GrainKeys.Submission(actor.Subject, Form.IdempotencyKey ?? Guid.NewGuid().ToString("N")))
            .SubmitAsync(actor, request);
        if (submitted.Result.Rejection is { } rejection)
        {
            Errors = rejection.Errors ?? new Dictionary<string, string[]>();
            Refusal = Texts.Refusal(rejection);
            await LoadAsync();
            return Page();
        }

        var code = submitted.Result.Dossier!.Code;
        if (then == "register")
        {
            TempData["Done"] = $"Đã đăng ký hồ sơ {code}; hồ sơ chờ tiếp nhận.";
            return Redirect($"/dossiers/{code}");
        }

        var received = await (await grains.DossierAsync(code)).ActAsync(DossierAction.Receive, new Model.ActorContext(actor), new() { Note = Form.ReceiptNote(Chosen?.Definition, request) });
        if (received.Rejection is { } refused && refused.CurrentStatus != DossierStatus.Processing)
        {
            TempData["Refused"] = $"Đã đăng ký hồ sơ {code} nhưng chưa tiếp nhận được: {Texts.Refusal(refused)}";
            return Redirect($"/dossiers/{code}");
        }

        return Redirect($"/api/dossiers/{code}/slips/{PrintedForms.Receipt}?print=1");
    }

    private async Task LoadEarlierAsync(string? idNumber) =>
        Earlier = string.IsNullOrWhiteSpace(idNumber) || idNumber.Length > 20
            ? []
            : await grains.Reference<ICitizenDocumentsGrain>(GrainKeys.Applicant(idNumber)).ListAsync();

    /// <summary>
    /// A receipt lists the catalogue's required components or says why not (docs/rules/reception-and-routing.md
    /// "Components at receipt"): refused here, before anything is registered, with the reason field offered.
    /// </summary>
    private Rejection? MissingComponents(SubmissionRequest request)
    {
        var missing = Chosen?.Definition.MissingComponents(request.Documents) ?? [];
        return missing.Count == 0 || !string.IsNullOrWhiteSpace(Form.MissingReason)
            ? null
            : new Rejection(RejectionKind.RuleRefused, RuleCodes.RequiredComponentsMissing, $"Thiếu thành phần bắt buộc: {string.Join(", ", missing)}.",
                Errors: new() { ["components"] = [$"Thiếu thành phần bắt buộc: {string.Join(", ", missing)}. Yêu cầu bổ sung, hoặc ghi lý do vẫn tiếp nhận."] });
    }

    private async Task LoadAsync()
    {
        await LoadEarlierAsync(Form.IdNumber);
        if (Chosen?.Code != Form.ProcedureCode)
        {
            await ChooseAsync(Form.ProcedureCode);
        }

        FocusField = FieldIds.FirstOrDefault(f => Errors.ContainsKey(f.Error)).Id ?? (Chosen is null ? "procedure-search" : "name");
        if (!string.IsNullOrEmpty(Form.ProcedureCode))
        {
            await PreviewAsync(Form.ProcedureCode, Form.Channel);
        }
    }

    /// <summary>Each refusable field's error key and its input, in the form's order.</summary>
    private static readonly (string Error, string Id)[] FieldIds =
    [
        ("procedureCode", "procedure-search"), ("components", "missing-reason"), ("payments", "fee-reference"), ("applicant.name", "name"),
        ("applicant.idNumber", "id-number"), ("applicant.phone", "phone"), ("applicant.email", "email"), ("applicant.notify", "notify"),
    ];

    private async Task ChooseAsync(string? procedure) =>
        Chosen = string.IsNullOrWhiteSpace(procedure) ? null : await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(procedure)).GetCurrentAsync();

    private async Task<IReadOnlyList<ProcedureVersion>> CatalogueAsync() =>
        await grains.Reference<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).ListAsync();


    private async Task PreviewAsync(string? procedure, FilingChannel channel)
    {
        if (string.IsNullOrWhiteSpace(procedure))
        {
            return;
        }

        var result = await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(procedure)).PreviewDueAsync(clock.Now, channel);
        Preview = result.Value;
        PreviewRefusal = result.Rejection is { } rejection ? Texts.Refusal(rejection) : null;
    }
}

/// <summary>What the officer types at the counter.</summary>
public sealed class CounterForm
{
    public string? IdempotencyKey { get; set; }
    public string? ProcedureCode { get; set; }
    public FilingChannel Channel { get; set; } = FilingChannel.Direct;
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public NoticeChannel? Notify { get; set; }
    /// <summary>One document per line.</summary>
    public string? Documents { get; set; }
    public string? PostalTrackingNumber { get; set; }

    /// <summary>Components scanned (or marked exempt) at the counter.</summary>
    public List<ScanRow> Scans { get; set; } = [];

    /// <summary>Earlier documents of the applicant ticked for reuse, by file.</summary>
    public List<Guid> Reuse { get; set; } = [];

    /// <summary>The catalogue's components ticked as brought, by name; null before the form was ever posted (all ticked).</summary>
    public List<string>? Components { get; set; }

    /// <summary>Why the dossier is received without a required component.</summary>
    public string? MissingReason { get; set; }

    /// <summary>How the fees due at submission were paid, and the receipt's number or the transaction's reference.</summary>
    public string? FeeMethod { get; set; }
    public string? FeeReference { get; set; }

    /// <summary>The request: the ticked catalogue components (as the catalogue names them), then the other lines typed, and the fees paid.</summary>
    public SubmissionRequest ToRequest(string receivingUnit, ProcedureDefinition? procedure)
    {
        var ticked = (procedure?.Components ?? []).Where(c => (Components ?? []).Contains(c.Name))
            .Select(c => new DocumentItem(c.Name, 1) { Original = c.Original, Exempt = c.Exempt });
        var typed = (Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => new DocumentItem(name, 1));
        var due = procedure?.DueAtSubmission() ?? 0;
        return new SubmissionRequest(
            ProcedureCode ?? "",
            receivingUnit,
            Channel,
            new Applicant(Name ?? "", IdNumber?.Trim() ?? "", Phone?.Trim() ?? "", Blank(Email), Blank(Address)) { Notify = Notify },
            [.. ticked, .. typed],
            Blank(PostalTrackingNumber))
        {
            Payments = due > 0
                ? [new SubmissionPayment(EnumWords.TryParse<Model.PaymentMethod>(FeeMethod, out var method) ? method : Model.PaymentMethod.Counter, due, Blank(FeeReference))]
                : null,
        };
    }

    /// <summary>The receipt's note: the required components missing and why the officer received the dossier anyway.</summary>
    public string? ReceiptNote(ProcedureDefinition? procedure, SubmissionRequest request) =>
        procedure?.MissingComponents(request.Documents) is { Count: > 0 } missing && !string.IsNullOrWhiteSpace(MissingReason)
            ? $"Tiếp nhận khi thiếu {string.Join(", ", missing)}: {MissingReason.Trim()}"
            : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
