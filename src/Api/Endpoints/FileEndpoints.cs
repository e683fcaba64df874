using HccOrleans.Api.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HccOrleans.Api.Endpoints;

/// <summary>
/// Files: an upload streamed from the request into the store a chunk at a time, its media type read from its content
/// and checked against its name and declared type, its size bounded by <c>Files:MaxBytes</c> (and Kestrel's body
/// limit just above); a refused file is 400 with the reason, and nothing is stored.
/// </summary>
public static class FileEndpoints
{
    // Room for the multipart boundaries and headers around the file itself.
    private const long Envelope = 64 * 1024;

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value.MaxBytes;
        var files = app.MapGroup("/api/files").WithTags("Files");
        files.MapPost("", Upload).WithName("UploadFile").DisableAntiforgery()
            .RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "portal"))
            .WithMetadata(new RequestSizeLimitAttribute(limit + Envelope))
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Stores one file (multipart/form-data, one part with a file name): PDF, PNG or JPEG read from the content, at most Files:MaxBytes; answers its id, media type, size and SHA-256. A refused file is 400 naming why, and nothing is stored.");
        // The portal adapter fetches electronic results to put in the citizen's account (Decree 118/2025 Art. 22(3)).
        files.MapGet("/{fileId:guid}", Download).WithName("DownloadFile")
            .RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "director", "admin", "portal"))
            .WithSummary("The file's bytes, with its media type and name.");
        files.MapGet("/{fileId:guid}/signatures", Signatures).WithName("FileSignatures")
            .RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "director", "admin"))
            .WithSummary("The digital signatures a PDF carries: each signer and whether the signature verifies over the signed bytes.");
        app.MapGet("/api/citizens/{idNumber}/documents", CitizenDocuments).WithName("CitizenDocuments").WithTags("Files")
            .RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "director", "admin"))
            .WithSummary("The documents already digitised for this ID number (components and electronic results), to attach by reference instead of asking again.");
        return app;
    }

    public static async Task<Results<Ok<ItemList<PdfSignature>>, NotFound>> Signatures(Guid fileId, IFileStore store, CancellationToken cancellationToken) =>
        await PdfSignatures.OfStoredAsync(store, fileId, cancellationToken) is { } signatures
            ? TypedResults.Ok(new ItemList<PdfSignature>(signatures))
            : TypedResults.NotFound();

    /// <summary>An earlier document with its file's facts: who digitised it and when.</summary>
    public sealed record EarlierDocument(Guid FileId, string Name, string DossierCode, bool Result, string MediaType, long Size, string Sha256,
        string DigitisedBy, DateTimeOffset DigitisedAt);

    public static async Task<Results<Ok<ItemList<EarlierDocument>>, Refusal>> CitizenDocuments(string idNumber, IGrainFactory grains, IFileStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idNumber) || idNumber.Length > 20)
        {
            return ProblemResults.Invalid("idNumber", "is an ID number of at most 20 characters.");
        }

        var documents = await grains.Reference<ICitizenDocumentsGrain>(GrainKeys.Applicant(idNumber)).ListAsync();
        var items = new List<EarlierDocument>(documents.Length);
        foreach (var document in documents)
        {
            if (await store.FindAsync(document.FileId, cancellationToken) is { } file)
            {
                items.Add(new EarlierDocument(document.FileId, document.Name, document.DossierCode, document.Result, file.MediaType, file.Size, file.Sha256,
                    file.UploadedBy, file.UploadedAt));
            }
        }

        return TypedResults.Ok(new ItemList<EarlierDocument>(items));
    }

    public sealed record FileView(Guid FileId, string MediaType, long Size, string Sha256, string Name, int? Pages);

    public static async Task<Results<Created<FileView>, Refusal>> Upload(HttpRequest request, IFileStore store, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Refused("must be sent as multipart/form-data, one part with the file.");
        }

        try
        {
            var section = await new MultipartReader(boundary, request.Body).ReadNextSectionAsync(cancellationToken);
            if (section is null || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || (disposition.FileNameStar.Value ?? disposition.FileName.Value) is not { Length: > 0 } rawName)
            {
                return Refused("is missing: send one part with a file name.");
            }

            var name = Path.GetFileName(HeaderUtilities.RemoveQuotes(rawName).Value ?? "");
            var (stored, refusal) = await IntakeAsync(section.Body, name, section.ContentType, request.HttpContext.User.ToActor().Subject, settings, store, cancellationToken);
            return stored is null
                ? Refused(refusal!)
                : TypedResults.Created($"/api/files/{stored.FileId}", new FileView(stored.FileId, stored.MediaType, stored.Size, stored.Sha256, stored.Name, null));
        }
        catch (Exception failure) when (failure is IOException or InvalidDataException or BadHttpRequestException)
        {
            return Refused("ended before it was complete; nothing was stored.");
        }
    }

    /// <summary>
    /// One file stored from <paramref name="body"/> by the rules of the upload (type from the content, agreeing with
    /// its name and declared type; size bounded); the stored file, or why it was refused with nothing stored.
    /// </summary>
    public static async Task<(StoredFile? Stored, string? Refusal)> IntakeAsync(Stream body, string name, string? declaredType, string uploadedBy,
        FilesOptions settings, IFileStore store, CancellationToken cancellationToken)
    {
        try
        {
            var head = new byte[MediaTypes.HeadLength];
            var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (headLength == 0)
            {
                return (null, "is empty.");
            }

            if (MediaTypes.Sniff(head.AsSpan(0, headLength)) is not { } sniffed || !settings.AllowedTypes.Contains(sniffed, StringComparer.OrdinalIgnoreCase))
            {
                return (null, $"is not an accepted type ({string.Join(", ", settings.AllowedTypes)}), read from its content.");
            }

            foreach (var (claim, claimed) in new[] { ("its name", MediaTypes.OfName(name)), ("its declared type", MediaTypes.Declared(declaredType)) })
            {
                if (claimed is not null && claimed != sniffed)
                {
                    return (null, $"is mislabelled: {claim} says {claimed}, its content is {sniffed}.");
                }
            }

            return (await store.SaveAsync(new LimitedStream(head.AsMemory(0, headLength), body, settings.MaxBytes), sniffed, name, uploadedBy, cancellationToken), null);
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, $"is larger than {settings.MaxBytes} bytes (Files:MaxBytes).");
        }
    }

    public static async Task<Results<PushStreamHttpResult, NotFound>> Download(Guid fileId, IFileStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(fileId, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(body => store.CopyToAsync(fileId, body, cancellationToken), file.MediaType, file.Name);
    }

    private static Refusal Refused(string message) => ProblemResults.Invalid("file", message);
}
