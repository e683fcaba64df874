using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>What a person sees at an address no page answers: in Vietnamese, with the way back, and the status 404.</summary>
[AllowAnonymous]
public sealed class ErrorPageModel : PageModel
{
    /// <summary>The address asked for (the page only shows it).</summary>
    [BindProperty(SupportsGet = true)] public string? Path { get; set; }

    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
