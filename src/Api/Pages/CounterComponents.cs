using HccOrleans.Api.Endpoints;
using HccOrleans.Api.Files;

namespace HccOrleans.Api.Pages;

/// <summary>A component the officer scanned (or marked exempt) at the counter: its name, the scan, or why it has none.</summary>
public sealed class ScanRow
{
    public string? Name { get; set; }
    public IFormFile? File { get; set; }
    public string? Exempt { get; set; }
}

/// <summary>
/// The counter's components with their electronic copies (docs/rules/documents-and-results.md "Components"): each scan
/// stored by the same rules as <c>POST /api/files</c>, each exempt row with its reason, each earlier document ticked
/// for reuse attached by reference under its own name.
/// </summary>
public static class CounterComponents
{
    public static async Task<(DocumentItem[] Items, Dictionary<string, string[]> Errors)> ReadAsync(
        IReadOnlyList<ScanRow> scans, IReadOnlyList<Guid> reuse, string? idNumber, string uploadedBy, FilesOptions options, IFileStore store,
        IGrainFactory grains, CancellationToken cancellationToken)
    {
        var items = new List<DocumentItem>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < scans.Count; i++)
        {
            var row = scans[i];
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                continue;
            }

            if (row.File is { Length: > 0 } file)
            {
                await using var content = file.OpenReadStream();
                var (stored, refusal) = await FileEndpoints.IntakeAsync(content, file.FileName, file.ContentType, uploadedBy, options, store, cancellationToken);
                if (refusal is not null)
                {
                    errors[$"scans[{i}]"] = [refusal];
                    continue;
                }

                items.Add(new DocumentItem(row.Name.Trim(), 1) { FileId = stored!.FileId });
            }
            else if (!string.IsNullOrWhiteSpace(row.Exempt))
            {
                items.Add(new DocumentItem(row.Name.Trim(), 1) { Exempt = row.Exempt });
            }
        }

        if (reuse.Count > 0 && !string.IsNullOrWhiteSpace(idNumber))
        {
            var earlier = (await grains.Reference<ICitizenDocumentsGrain>(GrainKeys.Applicant(idNumber)).ListAsync()).ToDictionary(d => d.FileId);
            items.AddRange(reuse.Select(id => new DocumentItem(earlier.TryGetValue(id, out var document) ? document.Name : "Giấy tờ dùng lại", 1) { Reuse = id }));
        }

        return ([.. items], errors);
    }
}
