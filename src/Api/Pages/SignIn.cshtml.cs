using HccOrleans.Api.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

[AllowAnonymous]
public sealed class SignInModel(BrowserSignIn signIn, AccountSignIn accounts, IOptions<AuthOptions> auth, IGrainFactory grains, ApiZone zone, EngineNow clock) : PageModel
{
    /// <summary>One demo user per role, at the first unit that fits it.</summary>
    public sealed record DemoUser(string Subject, string Role, string Agency, string Label);

    public IReadOnlyList<DemoUser> DemoUsers { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public bool DemoEnabled => signIn.DemoUsers;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    /// <summary>The OpenID Connect provider's name when sign-in through it is configured.</summary>
    public string? ExternalProvider => auth.Value.Oidc?.DisplayName;

    public async Task OnGetAsync(string? external)
    {
        Error = TempData["SignInError"] as string
            ?? (external == "failed" ? $"Đăng nhập qua {ExternalProvider} không thành công: tài khoản chưa được cấp vai trò trong hệ thống, hoặc đã huỷ đăng nhập." : null);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostDemoAsync(string? subject, string? role, string? agency) =>
        await Done(await signIn.AsDemoUserAsync(HttpContext, subject, role, agency));

    public async Task<IActionResult> OnPostPasswordAsync(string? userName, string? password)
    {
        UserName = userName;
        var attempt = await accounts.PasswordAsync(HttpContext, userName, password);
        return attempt.Step switch
        {
            SignInStep.Done => await Done(null),
            SignInStep.Refused => await Done(attempt.Error),
            _ => Redirect($"/signin/code?returnUrl={Uri.EscapeDataString(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/my-work")}"),
        };
    }

    public async Task<IActionResult> OnPostTokenAsync(string? token) => await Done(await signIn.WithTokenAsync(HttpContext, token));

    private async Task<IActionResult> Done(string? error)
    {
        if (error is null)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/my-work");
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

        // The units as they are today: a merged department is history, not a place to sign in at.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.Now, zone.Zone).DateTime);
        Units = [.. (await grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units).ListAsync()).Where(u => u.ExistsOn(today))
            .OrderBy(u => u.Level).ThenBy(u => u.Kind).ThenBy(u => u.AgencyCode, StringComparer.Ordinal)];
        var oneStop = Units.FirstOrDefault(u => u.Kind == UnitKind.ServiceCenter)?.AgencyCode ?? "";
        var agency = (Units.FirstOrDefault(u => u.AgencyCode.EndsWith("STP", StringComparison.Ordinal)) ?? Units.FirstOrDefault(u => u.Kind == UnitKind.HandlingAgency))?.AgencyCode ?? "";
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
