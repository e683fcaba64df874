using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>The staff directory, edited by the administrator: who works where, in which roles, and who has left.</summary>
[Authorize(Roles = "admin")]
public sealed class PeopleModel(IGrainFactory grains, UnitNames units, Accounts.StaffPasswords passwords) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Saved { get; private set; }

    /// <summary>The roles a person may hold; the engine's own is never granted.</summary>
    public static readonly Role[] Grantable = [Role.Officer, Role.Specialist, Role.Leader, Role.Director, Role.Admin, Role.Portal];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? userName, string? fullName, string? title, string? unit, string[]? roles, bool active, string? password)
    {
        if (!string.IsNullOrEmpty(password) && await passwords.CheckAsync(userName?.Trim() ?? "", password) is { } weak)
        {
            // Refused before anything is written: the person is not saved with a password that would not be.
            Errors = weak.Errors ?? new() { ["password"] = [weak.Detail] };
            Response.StatusCode = ProblemResults.StatusOf(weak.Kind);
            await LoadAsync();
            return Page();
        }

        var result = await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).PutAsync(new Person(
            userName?.Trim() ?? "", fullName?.Trim() ?? "", string.IsNullOrWhiteSpace(title) ? null : title.Trim(), unit ?? "",
            [.. (roles ?? []).Select(r => EnumWords.TryParse<Role>(r, out var role) ? role : Role.System)], active));
        if (result.Rejection is { } rejection)
        {
            Errors = rejection.Errors ?? new() { ["body"] = [rejection.Detail] };
            Response.StatusCode = ProblemResults.StatusOf(rejection.Kind);
        }
        else if (!string.IsNullOrEmpty(password) && await passwords.SetAsync(result.Value!.UserName, password) is { } refused)
        {
            // The person is saved; only the password was not: say so, and which rule.
            Errors = refused.Errors ?? new() { ["password"] = [refused.Detail] };
            Response.StatusCode = ProblemResults.StatusOf(refused.Kind);
        }
        else
        {
            Saved = result.Value!.UserName;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        People = await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).ListAsync();
        Units = await units.AllAsync();
    }
}
