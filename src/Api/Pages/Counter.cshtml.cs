using HccOrleans.Api.Files;
using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The counter: an officer registers a dossier brought in person or by post, sees the appointment date while filling
/// the form, and with one key press (Enter) registers, receives and opens the receipt to print.
/// </summary>
[Authorize(Roles = "officer")]
public sealed class CounterModel(IGrainFactory grains, EngineNow clock, ApiZone zone, IFileStore files, IOptions<FilesOptions> fileOptions) : PageModel
{
    public IReadOnlyList<ProcedureVersion> Procedures { get; private set; } = [];

    [BindProperty] public CounterForm Form { get; set; } = new();

    public DuePreview? Preview { get; private set; }

    public string? PreviewRefusal { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

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
        var request = Form.ToRequest(actor.Agency);
        // A scanned, exempt or reused component named like a listed one is that component, with its electronic copy.
        request = request with { Documents = [.. request.Documents.Where(d => !components.Any(c => c.Name == d.Name)), .. components] };
        var unfit = scanErrors.Count > 0 ? Rejection.Validation(scanErrors) : await DocumentChecks.RefusalAsync(request, files, grains, HttpContext.RequestAborted);
        if (unfit is not null)
        {
            Errors = unfit.Errors ?? new Dictionary<string, string[]>();
            Refusal = Texts.Refusal(unfit);
            await LoadAsync();
            return Page();
        }

        var submitted = await grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission(actor.Subject, Form.IdempotencyKey ?? Guid.NewGuid().ToString("N")))
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

        var received = await (await grains.DossierAsync(code)).ActAsync(DossierAction.Receive, new Model.ActorContext(actor), new());
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
            : await grains.GetGrain<ICitizenDocumentsGrain>(GrainKeys.Applicant(idNumber)).ListAsync();

    private async Task LoadAsync()
    {
        await LoadEarlierAsync(Form.IdNumber);
        Procedures = [.. (await grains.GetGrain<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).ListAsync())
            .OrderBy(p => p.Definition.Name, StringComparer.Create(Texts.Vietnamese, ignoreCase: true))];
        if (!string.IsNullOrEmpty(Form.ProcedureCode))
        {
            await PreviewAsync(Form.ProcedureCode, Form.Channel);
        }
    }

    private async Task PreviewAsync(string? procedure, FilingChannel channel)
    {
        if (string.IsNullOrWhiteSpace(procedure))
        {
            return;
        }

        var result = await grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure(procedure)).PreviewDueAsync(clock.Now, channel);
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

    public SubmissionRequest ToRequest(string receivingUnit) => new(
        ProcedureCode ?? "",
        receivingUnit,
        Channel,
        new Applicant(Name ?? "", IdNumber?.Trim() ?? "", Phone?.Trim() ?? "", Blank(Email), Blank(Address)) { Notify = Notify },
        [.. (Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => new DocumentItem(name, 1))],
        Blank(PostalTrackingNumber));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
