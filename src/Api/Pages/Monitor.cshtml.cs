using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The Orleans dashboard (English, a technical page) inside the center's own page, so that its header and the way back
/// stay in view; a browser that opens the dashboard's address as a page of its own is sent here (<see cref="Web.DashboardFrame"/>).
/// </summary>
[Authorize(Policy = Auth.AuthenticationSetup.DirectorOrAdmin)]
public sealed class MonitorModel(IServiceProvider services) : PageModel
{
    public const string Address = "/monitor";

    /// <summary>Whether this process runs the dashboard (a silo with <c>Orleans:Dashboard</c> on).</summary>
    public bool DashboardOn { get; } = services.GetService<DashboardHosting>() is not null;
}
