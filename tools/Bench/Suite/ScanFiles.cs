using System.Net.Http.Headers;
using System.Text.Json;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// Scans as the counter sends them: one PDF a request to <c>POST /api/files</c> (multipart), its bytes a PDF header
/// then seeded noise, made while the request is written so the load process never holds a whole file.
/// </summary>
internal static class ScanFiles
{
    private static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();

    /// <summary>Uploads one scan of <paramref name="bytes"/> bytes and answers the id the engine gave it.</summary>
    public static async Task<Guid> UploadAsync(HttpClient http, string token, long bytes, int seed, CancellationToken cancellation)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new NoiseStream(bytes, seed), 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", $"scan-{seed}.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"/api/files: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellation);
        return (await JsonDocument.ParseAsync(body, cancellationToken: cancellation)).RootElement.GetProperty("fileId").GetGuid();
    }

    private sealed class NoiseStream(long size, int seed) : Stream
    {
        private readonly Random _noise = new(seed);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var span = buffer.AsSpan(offset, (int)Math.Min(count, size - _position));
            _noise.NextBytes(span);
            if (_position < PdfHead.Length)
            {
                var head = PdfHead.AsSpan((int)_position);
                head[..Math.Min(head.Length, span.Length)].CopyTo(span);
            }

            _position += span.Length;
            return span.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
