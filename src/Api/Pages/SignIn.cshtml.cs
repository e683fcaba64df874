using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

[AllowAnonymous]
public sealed class SignInModel(BrowserSignIn signIn, IGrainFactory grains) : PageModel
{
    /// <summary>One demo user per role, at the first unit that fits it.</summary>
    public sealed record DemoUser(string Subject, string Role, string Agency, string Label);

    public IReadOnlyList<DemoUser> DemoUsers { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public bool DemoEnabled => signIn.DemoUsers;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostDemoAsync(string? subject, string? role, string? agency) =>
        await Done(await signIn.AsDemoUserAsync(HttpContext, subject, role, agency));

    public async Task<IActionResult> OnPostTokenAsync(string? token) => await Done(await signIn.WithTokenAsync(HttpContext, token));

    private async Task<IActionResult> Done(string? error)
    {
        if (error is null)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = error;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (!DemoEnabled)
        {
            return;
        }

        Units = [.. (await grains.GetGrain<IUnitDirectoryGrain>(GrainKeys.Units).ListAsync()).OrderBy(u => u.Kind).ThenBy(u => u.AgencyCode, StringComparer.Ordinal)];
        var oneStop = Units.FirstOrDefault(u => u.Kind == UnitKind.OneStop)?.AgencyCode ?? "";
        var agency = (Units.FirstOrDefault(u => u.AgencyCode == "STP") ?? Units.FirstOrDefault(u => u.Kind == UnitKind.Agency))?.AgencyCode ?? "";
        DemoUsers =
        [
            new("lan.officer", "officer", oneStop, $"{Texts.Role(Role.Officer)} — {oneStop}"),
            new("minh.specialist", "specialist", agency, $"{Texts.Role(Role.Specialist)} — {agency}"),
            new("hoa.leader", "leader", agency, $"{Texts.Role(Role.Leader)} — {agency}"),
            new("an.director", "director", "", Texts.Role(Role.Director)),
            new("admin", "admin", "", Texts.Role(Role.Admin)),
        ];
    }
}
