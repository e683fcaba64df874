using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Documents;

/// <summary>The components of a new dossier digitised for it (not reused, not exempt): what its applicant may reuse later.</summary>
internal static class DigitisedDocuments
{
    public static CitizenDocument[] Of(DossierState created, DateTimeOffset now) =>
        [.. created.Request!.Documents.Where(d => d.FileId is not null).Select(d => new CitizenDocument(d.FileId!.Value, d.Name, created.Code, now))];
}
