using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HccOrleans.Tests.Support;

/// <summary>
/// A one-page PDF signed in the test as a signing application does it: a signature field whose value names the byte
/// ranges around a reserved Contents string, and a detached CMS signature (SignedCms) over those bytes by a
/// self-made certificate, written into the reserved string.
/// </summary>
public static class SignedPdf
{
    private const int Reserved = 8192;

    public static byte[] Create(string signerName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={signerName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var placeholder = "0000000000";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Annots [4 0 R] >>",
            "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Ky so can bo tiep nhan) /Rect [0 0 0 0] /P 3 0 R /V 5 0 R >>",
            $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (D:20301105090000+07'00') " +
                $"/ByteRange [0 {placeholder} {placeholder} {placeholder}] /Contents <{new string('0', Reserved * 2)}> >>",
            "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Giay phep) Tj ET\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var bytes = Encoding.Latin1.GetBytes(pdf.ToString());

        // The byte ranges: everything but the Contents string, its angle brackets included.
        var text = Encoding.Latin1.GetString(bytes);
        var start = text.IndexOf("/Contents <", StringComparison.Ordinal) + "/Contents ".Length;
        var end = text.IndexOf('>', start) + 1;
        var ranges = $"0 {start:D10} {end:D10} {bytes.Length - end:D10}";
        var rangeAt = text.IndexOf($"0 {placeholder} {placeholder} {placeholder}", StringComparison.Ordinal);
        Encoding.Latin1.GetBytes(ranges).CopyTo(bytes, rangeAt);

        var signed = bytes[..start].Concat(bytes[end..]).ToArray();
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        cms.ComputeSignature(new CmsSigner(certificate) { IncludeOption = X509IncludeOption.EndCertOnly });
        var hex = Convert.ToHexString(cms.Encode());
        Encoding.Latin1.GetBytes(hex).CopyTo(bytes, start + 1);
        return bytes;
    }

    /// <summary>The same file with one byte of its signed page content changed.</summary>
    public static byte[] Altered(byte[] signed)
    {
        var copy = (byte[])signed.Clone();
        var at = Encoding.Latin1.GetString(copy).IndexOf("Giay phep", StringComparison.Ordinal);
        copy[at] = (byte)'X';
        return copy;
    }
}
