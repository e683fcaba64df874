using System.Security.Cryptography;

namespace HccOrleans.Tests.Support;

/// <summary>
/// A file of <paramref name="size"/> bytes made while it is read — a format's first bytes, then seeded noise — so a
/// test can send megabytes without holding them, and know the SHA-256 of exactly what it sent. <paramref name="eachMebibyte"/>
/// runs each time another MiB has been read: a barrier at which a test looks at the process while the upload is under way.
/// </summary>
public sealed class GeneratedFileStream(long size, byte[] head, int seed = 7, Action? eachMebibyte = null) : Stream
{
    private readonly Random _noise = new(seed);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();
    public static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The hash of the whole file, once it has been read to its end (the sender may dispose the stream then).</summary>
    public string Sha256 { get; private set; } = "";

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => size;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var span = buffer.AsSpan(offset, (int)Math.Min(count, size - _position));
        for (var i = 0; i < span.Length; i++)
        {
            var at = _position + i;
            span[i] = at < head.Length ? head[at] : (byte)_noise.Next(256);
        }

        _hash.AppendData(span);
        if (eachMebibyte is not null && (_position >> 20) != ((_position + span.Length) >> 20))
        {
            eachMebibyte();
        }

        _position += span.Length;
        if (_position == size && Sha256.Length == 0)
        {
            Sha256 = Convert.ToHexStringLower(_hash.GetCurrentHash());
        }

        return span.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>An upload as a browser or an adapter sends it: one multipart part with a file name and a declared type.</summary>
public static class FileUploads
{
    public static MultipartFormDataContent Part(Stream content, string fileName, string? declaredType)
    {
        var part = new StreamContent(content, 81920);
        if (declaredType is not null)
        {
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(declaredType);
        }

        return new MultipartFormDataContent { { part, "file", fileName } };
    }
}
