using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Tokens;

namespace HccOrleans.Api.Files;

/// <summary>One signature of a PDF: who signed (the certificate's subject), when they say, and whether it verifies.</summary>
public sealed record PdfSignature(string Field, string? Signer, string? SignedAt, bool Verifies, string Reason);

/// <summary>
/// The digital signatures a PDF carries (Decree 118/2025 Art. 17(1)(c): the receiving officer signs each scan; results
/// are signed): PdfPig reads each signature field's dictionary, and SignedCms checks the CMS signature over the bytes
/// its ByteRange names. A signature that does not verify says why; no certificate chain or revocation is checked here.
/// </summary>
public static class PdfSignatures
{
    /// <summary>
    /// The signatures of a stored file, read from a temporary copy on disk (a PDF is read by seeking; the file is never
    /// held whole in memory); none for a file that is not a PDF or whose structure cannot be read; null for no such file.
    /// </summary>
    public static async Task<IReadOnlyList<PdfSignature>?> OfStoredAsync(IFileStore store, Guid fileId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(fileId, cancellationToken) is not { } file)
        {
            return null;
        }

        if (file.MediaType != MediaTypes.Pdf)
        {
            return [];
        }

        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await store.CopyToAsync(fileId, copy, cancellationToken);
        copy.Position = 0;
        try
        {
            return [.. Read(copy)];
        }
        catch (Exception unreadable) when (unreadable is InvalidOperationException or ArgumentException or FormatException or EndOfStreamException
                                           or UglyToad.PdfPig.Core.PdfDocumentFormatException)
        {
            // A file whose type is PDF but whose structure cannot be read carries no signature the engine can show.
            return [];
        }
    }

    public static IReadOnlyList<PdfSignature> Read(Stream pdf)
    {
        using var document = PdfDocument.Open(pdf);
        if (!document.TryGetForm(out var form))
        {
            return [];
        }

        var signatures = new List<PdfSignature>();
        foreach (var field in form.Fields.OfType<AcroSignatureField>())
        {
            if (Value(document, field) is { } value)
            {
                signatures.Add(Check(pdf, field.Information.PartialName ?? "", value));
            }
        }

        return signatures;
    }

    private static DictionaryToken? Value(PdfDocument document, AcroSignatureField field) =>
        field.Dictionary.TryGet(NameToken.V, out var token) ? Resolve(document, token) as DictionaryToken : null;

    private static IToken? Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    private static PdfSignature Check(Stream pdf, string field, DictionaryToken value)
    {
        var signedAt = value.TryGet(NameToken.M, out var when) && when is StringToken date ? date.Data : null;
        if (!value.TryGet(NameToken.Create("ByteRange"), out var rangeToken) || rangeToken is not ArrayToken { Length: 4 } range
            || range.Data.Any(t => t is not NumericToken)
            || !value.TryGet(NameToken.Contents, out var contentsToken) || Bytes(contentsToken) is not { Length: > 0 } contents)
        {
            return new PdfSignature(field, null, signedAt, false, "Chữ ký thiếu phạm vi hoặc nội dung.");
        }

        var offsets = range.Data.Cast<NumericToken>().Select(n => n.Long).ToArray();
        var signed = SignedBytes(pdf, offsets);
        if (signed is null)
        {
            return new PdfSignature(field, null, signedAt, false, "Phạm vi chữ ký vượt ra ngoài tệp.");
        }

        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(contents.AsSpan(0, DerLength(contents)));
        }
        catch (CryptographicException)
        {
            return new PdfSignature(field, null, signedAt, false, "Nội dung chữ ký không đọc được.");
        }

        var signer = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0].Certificate?.GetNameInfo(X509NameType.SimpleName, false) : null;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
            return new PdfSignature(field, signer, signedAt, true, "Chữ ký hợp lệ với nội dung tệp.");
        }
        catch (CryptographicException)
        {
            return new PdfSignature(field, signer, signedAt, false, "Nội dung tệp đã bị thay đổi sau khi ký.");
        }
    }

    private static byte[]? Bytes(IToken token) => token switch
    {
        HexToken hex => [.. hex.Bytes],
        StringToken text => System.Text.Encoding.Latin1.GetBytes(text.Data),
        _ => null,
    };

    // The Contents hex string is padded with zeros past the CMS: its DER header says how long the CMS is.
    private static int DerLength(byte[] der)
    {
        if (der.Length < 2 || der[0] != 0x30)
        {
            return der.Length;
        }

        if (der[1] < 0x80)
        {
            return Math.Min(der.Length, 2 + der[1]);
        }

        var octets = der[1] & 0x7F;
        if (octets is 0 or > 4 || der.Length < 2 + octets)
        {
            return der.Length;
        }

        var length = 0;
        for (var i = 0; i < octets; i++)
        {
            length = (length << 8) | der[2 + i];
        }

        return Math.Min(der.Length, 2 + octets + length);
    }

    private static byte[]? SignedBytes(Stream pdf, long[] range)
    {
        var (first, firstLength, second, secondLength) = (range[0], range[1], range[2], range[3]);
        if (first < 0 || firstLength < 0 || second < first + firstLength || secondLength < 0 || second + secondLength > pdf.Length
            || firstLength + secondLength > int.MaxValue)
        {
            return null;
        }

        var bytes = new byte[firstLength + secondLength];
        pdf.Position = first;
        pdf.ReadExactly(bytes, 0, (int)firstLength);
        pdf.Position = second;
        pdf.ReadExactly(bytes, (int)firstLength, (int)secondLength);
        return bytes;
    }
}
