using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Mvc;

namespace HccOrleans.Api.Endpoints.Filters;

/// <summary>The filters of <c>GET /api/dossiers</c>; absent means "any".</summary>
public sealed record DossierListFilter(
    [FromQuery(Name = "status")] QueryWord<DossierStatus>? Status,
    [FromQuery(Name = "agency")] QueryText? Agency,
    [FromQuery(Name = "procedure")] QueryText? Procedure,
    [FromQuery(Name = "channel")] QueryWord<FilingChannel>? Channel,
    [FromQuery(Name = "overdue")] QueryFlag? Overdue,
    [FromQuery(Name = "dueBefore")] QueryInstant? DueBefore,
    [FromQuery(Name = "receivedFrom")] QueryInstant? ReceivedFrom,
    [FromQuery(Name = "receivedTo")] QueryInstant? ReceivedTo,
    [FromQuery(Name = "assignee")] QueryText? Assignee,
    [FromQuery(Name = "page")] QueryNumber? Page,
    [FromQuery(Name = "pageSize")] QueryNumber? PageSize)
{
    public FilterErrors Check() => new FilterErrors()
        .Add("status", Status?.Problem).Add("channel", Channel?.Problem).Add("overdue", Overdue?.Problem)
        .Add("dueBefore", DueBefore?.Problem).Add("receivedFrom", ReceivedFrom?.Problem).Add("receivedTo", ReceivedTo?.Problem)
        .Add("page", Page?.ProblemOutside(1, 1_000_000)).Add("pageSize", PageSize?.ProblemOutside(1, DossierQuery.MaxPageSize));

    /// <summary>The query these filters ask for, once <see cref="Check"/> found nothing wrong.</summary>
    public DossierQuery ToQuery(TimeZoneInfo zone) => new()
    {
        Status = Status?.Value,
        Agency = Agency?.Value,
        Procedure = Procedure?.Value,
        Channel = Channel?.Value,
        Overdue = Overdue?.Value,
        DueBefore = DueBefore?.In(zone),
        ReceivedFrom = ReceivedFrom?.In(zone),
        ReceivedTo = ReceivedTo?.In(zone),
        Assignee = Assignee?.Value,
        Page = Page?.Value ?? 1,
        PageSize = PageSize?.Value ?? 20,
    };
}

/// <summary>The filters of <c>GET /api/reports/people</c>: the period and, for those who see more than one, the unit.</summary>
public sealed record PeopleReportFilter(
    [FromQuery(Name = "from")] QueryInstant? From,
    [FromQuery(Name = "to")] QueryInstant? To,
    [FromQuery(Name = "unit")] QueryText? Unit)
{
    /// <summary>The period, checked as the other reports check theirs.</summary>
    public ReportFilter AsReportFilter() => new(From, To, null, null, null);
}

/// <summary>The filters of <c>GET /api/escalations</c>.</summary>
public sealed record EscalationFilter(
    [FromQuery(Name = "agency")] QueryText? Agency,
    [FromQuery(Name = "kind")] QueryWord<EscalationKind>? Kind,
    [FromQuery(Name = "from")] QueryInstant? From,
    [FromQuery(Name = "to")] QueryInstant? To)
{
    public FilterErrors Check() => new FilterErrors().Add("kind", Kind?.Problem).Add("from", From?.Problem).Add("to", To?.Problem);
}

/// <summary>The filter of <c>GET /api/notifications</c>: one dossier's notices, or all.</summary>
public sealed record NotificationFilter([FromQuery(Name = "dossier")] QueryDossierCode? Dossier)
{
    public FilterErrors Check() => new FilterErrors().Add("dossier", Dossier?.Problem);
}

/// <summary>The period and scope of a report (<c>/api/reports/06a</c>, <c>/api/reports/kpi</c>): [from, to), one agency or all.</summary>
public sealed record ReportFilter(
    [FromQuery(Name = "from")] QueryInstant? From,
    [FromQuery(Name = "to")] QueryInstant? To,
    [FromQuery(Name = "agency")] QueryText? Agency,
    [FromQuery(Name = "byField")] QueryFlag? ByField,
    [FromQuery(Name = "format")] QueryText? Format)
{
    /// <summary>The period and format's errors; <paramref name="spreadsheet"/> where the report is also given as .xlsx.</summary>
    public FilterErrors Check(TimeZoneInfo zone, bool spreadsheet = false)
    {
        var errors = new FilterErrors().Add("from", From?.Problem).Add("to", To?.Problem).Add("byField", ByField?.Problem)
            .Require("from", From?.In(zone)).Require("to", To?.In(zone))
            .Add("format", Format?.Value is null or "json" or "csv" || (spreadsheet && Format?.Value == "xlsx") ? null
                : spreadsheet ? "must be json, csv or xlsx." : "must be json or csv.");
        return From?.In(zone) is { } from && To?.In(zone) is { } to && from >= to
            ? errors.Add("to", "must be after from: a report period cannot be reversed or empty.")
            : errors;
    }

    public bool Csv => Format?.Value == "csv";

    public bool Xlsx => Format?.Value == "xlsx";
}

/// <summary>The question of <c>GET /api/reports/periods</c>: a kind of period (default every kind) and a year (default this one).</summary>
public sealed record PeriodFilter(
    [FromQuery(Name = "kind")] QueryWord<PeriodKind>? Kind,
    [FromQuery(Name = "year")] QueryNumber? Year)
{
    public FilterErrors Check() => new FilterErrors().Add("kind", Kind?.Problem).Add("year", Year?.ProblemOutside(2000, 2100));
}

/// <summary>The question of <c>GET /api/calendar/due</c>: a procedure, a receipt instant (default now) and a channel (default direct).</summary>
public sealed record DuePreviewFilter(
    [FromQuery(Name = "procedure")] QueryText? Procedure,
    [FromQuery(Name = "from")] QueryInstant? From,
    [FromQuery(Name = "channel")] QueryWord<FilingChannel>? Channel)
{
    public FilterErrors Check() => new FilterErrors()
        .Add("from", From?.Problem).Add("channel", Channel?.Problem).Require("procedure", Procedure?.Value);
}
