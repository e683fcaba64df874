using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>
/// Where a person starts the day, and where sign-in lands: a specialist's own dossiers, otherwise the first work
/// queue of the person's role; staff with no queue (an administrator) the overview.
/// </summary>
[Authorize]
public sealed class MyWorkModel : PageModel
{
    public IActionResult OnGet() => WorkQueues.For(User.ToActor()) switch
    {
        [] => Redirect("/"),
        var queues => Redirect($"/queue/{queues[0].Key}"),
    };
}
