using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>
/// An electronic result sent to the citizen's account on the National Public Service Portal (Decree 118/2025 Art.
/// 22(3)): the result document's fields and where the adapter fetches its file. Sent again when a correction replaces
/// the file.
/// </summary>
internal static class PortalResults
{
    public const string Channel = "portal-result";

    public static Notification? For(DossierState before, DossierState next, DateTimeOffset now)
    {
        if (next.Result is not { FileId: { } file } result || file == before.Result?.FileId)
        {
            return null;
        }

        var code = next.OfficialCode ?? next.Code;
        var payload = new Payload(code, next.Code, next.Version, result.DocumentCode, result.DocumentName, result.ResultType, result.HolderIdNumber,
            result.HolderName, result.Summary, result.ValidFrom, result.ValidTo, result.Scope, result.Signer, result.IssuedAt, result.ElectronicOnly, file,
            $"/api/files/{file}", result.ReplacedFiles);
        return AdapterJson.Message(next, now, EscalationKind.PortalSync, Channel,
            new Destination(Channel, result.HolderIdNumber, $"Kết quả điện tử hồ sơ {code}", next.Version), payload);
    }

    private sealed record Payload(string Code, string RegistrationNumber, long Version, string DocumentCode, string DocumentName, string ResultType,
        string HolderIdNumber, string HolderName, string Summary, DateOnly? ValidFrom, DateOnly? ValidTo, string? Scope, string Signer,
        DateTimeOffset IssuedAt, bool ElectronicOnly, Guid FileId, string FileUrl, Guid[]? ReplacedFiles);
}
