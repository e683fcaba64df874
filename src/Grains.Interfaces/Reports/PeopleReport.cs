using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>
/// One person's figures for a period (Decree 118/2025 Art. 34, staff appraisal): the dossiers resolved in it whose
/// steps the person ended, how many of them on time and late, the dossiers given to the person still open at the
/// period's end, and the working minutes of lateness shared to the steps the person ended.
/// </summary>
public sealed record PersonFigures(string UserName, string FullName, string? Title, string Unit, int Handled, int OnTime, int Late, int InProgress, int LatenessMinutes);

/// <summary>Per-person figures over [from, min(to, now)): everyone of the unit (or every unit), by unit and name.</summary>
public sealed record PeopleReport(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, string? Unit, PersonFigures[] Rows)
{
    /// <param name="inScope">Whether a person (or a user name the directory does not know, at the agency it acted for) belongs in the report.</param>
    public static PeopleReport Build(
        IEnumerable<DossierSummary> dossiers, IReadOnlyCollection<Person> people, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? unit,
        Func<string, string, bool> inScope)
    {
        var judging = new Judging(to, now);
        var all = dossiers.ToArray();
        var resolved = all.Where(d => d.CompletedAt is { } at && at >= from && judging.Covers(at) && d.Completion is not null).ToArray();
        var open = all.Where(d => d.Assignee is not null && d.ReceivedAt is { } received && judging.Covers(received)
            && (d.CompletedAt is null || !judging.Covers(d.CompletedAt.Value)) && (d.ClosedAt is null || !judging.Covers(d.ClosedAt.Value))).ToArray();

        var known = people.ToDictionary(p => p.UserName, StringComparer.Ordinal);
        var strangers = resolved.SelectMany(d => d.Handlers).Where(h => !known.ContainsKey(h.By))
            .GroupBy(h => h.By, StringComparer.Ordinal).Select(g => new Person(g.Key, g.Key, null, g.Last().Agency, [], false));
        var rows = people.Where(p => p.Roles.Any(r => r is Role.Officer or Role.Specialist or Role.Leader)).Concat(strangers)
            .Where(p => inScope(p.UserName, p.Unit))
            .Select(p => Figures(p, resolved, open))
            .Where(r => known.GetValueOrDefault(r.UserName)?.Active != false || r.Handled + r.InProgress > 0)
            .OrderBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.FullName, StringComparer.Ordinal)
            .ToArray();
        return new PeopleReport(from, to, judging.AsOf, unit, rows);
    }

    private static PersonFigures Figures(Person person, DossierSummary[] resolved, DossierSummary[] open)
    {
        var handled = resolved.Where(d => d.Handlers.Any(h => h.By == person.UserName)).ToArray();
        return new PersonFigures(
            person.UserName, person.FullName, person.Title, person.Unit,
            handled.Length,
            handled.Count(d => d.Completion is CompletionClass.Early or CompletionClass.OnTime),
            handled.Count(d => d.Completion == CompletionClass.Late),
            open.Count(d => d.Assignee == person.UserName),
            handled.Where(d => d.Completion == CompletionClass.Late).Sum(d => d.Handlers.Where(h => h.By == person.UserName).Sum(h => h.LateMinutes)));
    }
}
