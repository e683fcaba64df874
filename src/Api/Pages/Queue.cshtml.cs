using HccOrleans.Api.Endpoints;
using HccOrleans.Api.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>A work queue: the index's open dossiers for the person's role, filtered, sorted, paged, saved as named views.</summary>
[Authorize]
public sealed class QueueModel(IDossierQueries queries, IGrainFactory grains, ApiZone zone, UnitNames units, PeopleNames people) : PageModel
{
    public const int PageSize = 50;

    /// <summary>A row: the dossier, its deadline state and the working time it has spent in its current step.</summary>
    public sealed record Row(DossierSummary Dossier, DueState Due, decimal HoursInStep);

    /// <summary>A queue tab with how many dossiers wait in it.</summary>
    public sealed record Tab(WorkQueue Queue, long Count);

    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Order { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public WorkQueue Queue { get; private set; } = null!;
    public IReadOnlyList<Tab> Tabs { get; private set; } = [];

    /// <summary>The table was asked for alone (a refresh or a filter): the tabs' counts come with it, swapped in place.</summary>
    public bool TabsOutOfBand { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public long Total { get; private set; }
    public IReadOnlyList<SavedView> Views { get; private set; } = [];
    public IReadOnlyList<ProcedureVersion> Procedures { get; private set; } = [];
    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();
    public IReadOnlyDictionary<string, Person> People { get; private set; } = new Dictionary<string, Person>();

    public string UserName => _actor.Subject;

    private Actor _actor = null!;

    /// <summary>Whether the row offers the person a claim: appraisal no one holds, at the person's own agency, for a specialist.</summary>
    public bool Claims(DossierSummary d) =>
        d.Assignee is null && d.Step == ProcessingStep.Appraise && d.Status == DossierStatus.Processing
        && _actor.Has(Role.Specialist) && d.StepAgency == _actor.Agency;

    /// <summary>The specialists the assignee filter offers: the person's own agency's (everyone's for directors).</summary>
    public IReadOnlyList<Person> Assignable { get; private set; } = [];
    public bool SeesAll { get; private set; }
    public TimeZoneInfo Zone => zone.Zone;
    public DossierSort SortBy { get; private set; }
    public bool Descending { get; private set; }

    /// <summary>The person's filters as a query string, with <paramref name="changes"/> applied; the page number is dropped unless changed.</summary>
    public string Filters(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q, ["procedure"] = Procedure, ["channel"] = Channel, ["due"] = Due, ["agency"] = Agency, ["assignee"] = Assignee, ["sort"] = Sort, ["order"] = Order,
        };
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return string.Join('&', values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    public async Task<IActionResult> OnGetAsync()
    {
        ViewData["Live"] = true;
        return await LoadAsync() ?? Page();
    }

    /// <summary>The table alone, for htmx; the browser's address follows the filters and order (never this handler's).</summary>
    public async Task<IActionResult> OnGetTableAsync()
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        Response.Headers["HX-Push-Url"] = $"/queue/{Queue.Key}?{Filters()}{(PageNumber > 1 ? $"&p={PageNumber}" : "")}";
        TabsOutOfBand = true;
        return Partial("_QueueTable", this);
    }

    public async Task<IActionResult> OnPostSaveViewAsync(string? name)
    {
        var actor = User.ToActor();
        if (WorkQueues.For(actor).FirstOrDefault(q => q.Key == Key) is not { } queue)
        {
            return Forbid();
        }

        var saved = await grains.Reference<ISavedViewsGrain>(GrainKeys.SavedViews(EnumWords.Of(queue.Role))).SaveAsync(name ?? "", queue.Key, Filters(), actor.Subject);
        TempData[saved.Rejection is null ? "Done" : "Refused"] = saved.Rejection is null
            ? $"Đã lưu bộ lọc “{saved.Value!.Name}” cho mọi {Texts.Role(queue.Role).ToLowerInvariant()}."
            : "Chưa lưu được bộ lọc: hãy đặt tên (tối đa 60 ký tự).";
        return Redirect($"/queue/{queue.Key}?{Filters()}");
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(string? name)
    {
        if (WorkQueues.For(User.ToActor()).FirstOrDefault(q => q.Key == Key) is not { } queue)
        {
            return Forbid();
        }

        await grains.Reference<ISavedViewsGrain>(GrainKeys.SavedViews(EnumWords.Of(queue.Role))).DeleteAsync(name ?? "");
        TempData["Done"] = $"Đã xoá bộ lọc “{name}”.";
        return Redirect($"/queue/{queue.Key}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = _actor = User.ToActor();
        var mine = WorkQueues.For(actor);
        if (mine.Count == 0)
        {
            return Forbid();
        }

        if (Key is null)
        {
            return Redirect($"/queue/{mine[0].Key}");
        }

        if (mine.FirstOrDefault(q => q.Key == Key) is not { } queue)
        {
            return Forbid();
        }

        Queue = queue;
        SeesAll = actor.SeesAll();
        var clock = await grains.Reference<IWorkingTimeGrain>(IWorkingTimeGrain.Key).ClockAsync([]);
        SortBy = EnumWords.TryParse<DossierSort>(Sort, out var sort) ? sort : queue.Sort;
        Descending = Order is null ? (Sort is null ? queue.Descending : false) : Order == "desc";
        var filters = new DossierQuery
        {
            Now = clock.Now,
            Page = Math.Max(1, PageNumber),
            PageSize = PageSize,
            Sort = SortBy,
            Descending = Descending,
            Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Procedure = string.IsNullOrWhiteSpace(Procedure) ? null : Procedure,
            Channel = EnumWords.TryParse<FilingChannel>(Channel, out var channel) ? channel : null,
            Agency = SeesAll && !string.IsNullOrWhiteSpace(Agency) ? Agency : null,
            ScopeAgency = SeesAll ? null : actor.Agency,
            Assignee = string.IsNullOrWhiteSpace(Assignee) || Assignee == "none" ? null : Assignee,
            Assigned = Assignee == "none" ? false : null,
        };
        filters = Due switch
        {
            "overdue" => filters with { Overdue = true },
            "soon" => filters with { DueFrom = clock.Now, DueBefore = clock.DueSoonUntil.AddTicks(1) },
            "ok" => filters with { DueFrom = clock.DueSoonUntil.AddTicks(1) },
            _ => filters,
        };

        var page = await queries.ListAsync(queue.Scope(actor, clock, filters));
        Total = page.Total;
        var hours = await grains.Reference<IWorkingTimeGrain>(IWorkingTimeGrain.Key)
            .ClockAsync([.. page.Items.Select(d => d.StepStartedAt ?? d.ReceivedAt ?? d.SubmittedAt)]);
        Rows = [.. page.Items.Select((d, i) => new Row(d, DueStates.Of(d, clock), hours.WorkingHoursSince[i]))];

        var counts = await Task.WhenAll(mine.Select(async q =>
            new Tab(q, (await queries.ListAsync(q.Scope(actor, clock, new DossierQuery { Now = clock.Now, PageSize = 1, ScopeAgency = SeesAll ? null : actor.Agency }))).Total)));
        Tabs = counts;
        Views = (await grains.Reference<ISavedViewsGrain>(GrainKeys.SavedViews(EnumWords.Of(queue.Role))).ListAsync()).Where(v => v.Queue == queue.Key).ToArray();
        Procedures = [.. (await grains.Reference<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).ListAsync()).OrderBy(p => p.Definition.Name, StringComparer.CurrentCulture)];
        Units = await units.AllAsync();
        People = await people.AllAsync();
        Assignable = [.. People.Values.Where(p => p.Roles.Contains(Role.Specialist) && (SeesAll || p.Unit == actor.Agency)).OrderBy(p => p.FullName, StringComparer.Ordinal)];
        return null;
    }
}
