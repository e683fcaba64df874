namespace HccOrleans.Api.Pages;

/// <summary>A list of dossiers as a table whose codes open them: the search's results, the dossiers behind a report's number.</summary>
public sealed record DossierList(IReadOnlyList<DossierSummary> Dossiers, TimeZoneInfo Zone, string Id, string Caption, bool Completed = false);
