using QRCoder;

namespace HccOrleans.Api.Web;

/// <summary>QR codes as PNG data URIs: an image that prints (and survives into a PDF) like any other.</summary>
public static class QrCodes
{
    public static string PngDataUri(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
