using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The counter: an officer registers a dossier brought in person or by post, sees the appointment date while filling
/// the form, and with one key press (Enter) registers, receives and opens the receipt to print.
/// </summary>
[Authorize(Roles = "officer")]
public sealed class CounterModel(IGrainFactory grains, EngineNow clock, ApiZone zone) : PageModel
{
    public IReadOnlyList<ProcedureVersion> Procedures { get; private set; } = [];

    [BindProperty] public CounterForm Form { get; set; } = new();

    public DuePreview? Preview { get; private set; }

    public string? PreviewRefusal { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Refusal { get; private set; }

    public TimeZoneInfo Zone => zone.Zone;

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

    public async Task<IActionResult> OnPostAsync(string? then)
    {
        var actor = User.ToActor();
        var request = Form.ToRequest(actor.Agency);
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

    private async Task LoadAsync()
    {
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

    public SubmissionRequest ToRequest(string receivingUnit) => new(
        ProcedureCode ?? "",
        receivingUnit,
        Channel,
        new Applicant(Name ?? "", IdNumber?.Trim() ?? "", Phone?.Trim() ?? "", Blank(Email), Blank(Address)) { Notify = Notify },
        [.. (Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => new DocumentItem(name, 1))],
        Blank(PostalTrackingNumber));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
