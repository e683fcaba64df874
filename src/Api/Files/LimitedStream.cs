namespace HccOrleans.Api.Files;

/// <summary>Reads through to <paramref name="inner"/>, first the bytes already read off it, and fails once more than <paramref name="limit"/> bytes came.</summary>
public sealed class LimitedStream(ReadOnlyMemory<byte> head, Stream inner, long limit) : Stream
{
    private ReadOnlyMemory<byte> _head = head;
    private long _read;

    public sealed class TooLargeException(long limit) : IOException($"The file is larger than {limit} bytes.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!_head.IsEmpty)
        {
            read = Math.Min(buffer.Length, _head.Length);
            _head[..read].CopyTo(buffer);
            _head = _head[read..];
        }
        else
        {
            read = await inner.ReadAsync(buffer, cancellationToken);
        }

        _read += read;
        return _read > limit ? throw new TooLargeException(limit) : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Uploads are read asynchronously.");

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
