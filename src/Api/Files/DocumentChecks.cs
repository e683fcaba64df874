namespace HccOrleans.Api.Files;

/// <summary>
/// What a submission's components point to, checked before it is registered: a file that exists, and a reused document
/// that is the same applicant's (Decree 118/2025 Art. 5(1)(i); docs/rules/documents-and-results.md "Components").
/// </summary>
public static class DocumentChecks
{
    private const string NotStored = "is not a stored file; upload it first (POST /api/files).";

    // More components than the submission rules allow are refused by them; nothing is looked up for such a body.
    private const int MostLookedUp = 100;

    /// <summary>A file named by <paramref name="field"/> that was never stored: 400; none named, or stored: null.</summary>
    public static async Task<Rejection?> FileRefusalAsync(string field, Guid? fileId, IFileStore files, CancellationToken cancellationToken) =>
        fileId is { } id && await files.FindAsync(id, cancellationToken) is null
            ? Rejection.Validation(new Dictionary<string, string[]> { [field] = [NotStored] })
            : null;

    public static async Task<Rejection?> RefusalAsync(SubmissionRequest? request, IFileStore files, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var documents = request?.Documents ?? [];
        if (documents.Length > MostLookedUp || documents.All(d => d is not { FileId: not null } and not { Reuse: not null }))
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < documents.Length; i++)
        {
            if (documents[i]?.FileId is { } fileId && await files.FindAsync(fileId, cancellationToken) is null)
            {
                errors[$"documents[{i}].fileId"] = [NotStored];
            }
        }

        if (errors.Count > 0)
        {
            return Rejection.Validation(errors);
        }

        if (documents.Any(d => d?.Reuse is not null))
        {
            var earlier = string.IsNullOrWhiteSpace(request?.Applicant?.IdNumber)
                ? []
                : (await grains.Reference<ICitizenDocumentsGrain>(GrainKeys.Applicant(request.Applicant.IdNumber)).ListAsync()).Select(d => d.FileId).ToHashSet();
            var foreign = documents.Select((d, i) => (d, i)).Where(x => x.d?.Reuse is { } reuse && !earlier.Contains(reuse)).Select(x => x.i).ToArray();
            if (foreign.Length > 0)
            {
                return new Rejection(RejectionKind.RuleRefused, RuleCodes.ReuseNotTheApplicants,
                    $"documents[{foreign[0]}].reuse is not an earlier document of this applicant; only their own documents are reused (Decree 118/2025 Art. 5(1)(i)).");
            }
        }

        return null;
    }
}
