using HccOrleans.Api.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>The second step of a director's or administrator's sign-in: the TOTP code, and the authenticator's set-up the first time.</summary>
[AllowAnonymous]
public sealed class SignInCodeModel(AccountSignIn accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? PendingUser { get; private set; }

    public string? EnrolmentKey { get; private set; }

    public string? Error { get; private set; }

    /// <summary>What an authenticator app scans (the key URI format of RFC 6238 apps).</summary>
    public string? EnrolmentUri => EnrolmentKey is null ? null : Totp.KeyUri(PendingUser!, EnrolmentKey);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var attempt = await accounts.CodeAsync(HttpContext, code);
        if (attempt.Step == SignInStep.Done)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/my-work");
        }

        Error = attempt.Error;
        if (attempt.Step == SignInStep.Refused)
        {
            TempData["SignInError"] = attempt.Error;
            return Redirect("/signin");
        }

        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await accounts.PendingAsync(HttpContext) is not { } pending)
        {
            return Redirect("/signin");
        }

        (PendingUser, EnrolmentKey) = pending;
        return null;
    }
}
