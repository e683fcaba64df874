using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace HccOrleans.Tests.Support;

/// <summary>
/// The other side of an HTTP adapter (the national portal, an SMS gateway), played on a real port. It records every
/// request, answers 500 to a given message (by its key) a given number of times, and takes effect once per <c>Idempotency-Key</c>,
/// as a well-behaved receiver does. <see cref="HoldNext"/> keeps the next request's answer back (its effect taken)
/// until the test releases it: the window in which a sender can die after the other side acted.
/// </summary>
public sealed class TestAdapter : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private Hold? _hold;

    public sealed record Received(string Path, string Key, JsonElement Body, int Status);

    /// <summary>A held request: <see cref="Arrived"/> once it came, its answer sent once <see cref="Release"/> is called.</summary>
    public sealed class Hold
    {
        private readonly TaskCompletionSource<Received> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Received> Arrived => _arrived.Task;

        public void Release() => _released.TrySetResult();

        internal async Task HoldAsync(Received received)
        {
            _arrived.TrySetResult(received);
            await _released.Task;
        }
    }

    private TestAdapter()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpRequest request, string path) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var key = request.Headers["Idempotency-Key"].ToString();
            var status = _failures.TryGetValue(key, out var left) && left > 0 && _failures.TryUpdate(key, left - 1, left)
                ? StatusCodes.Status500InternalServerError
                : StatusCodes.Status200OK;
            var received = new Received("/" + path, key, body, status);
            _received.Enqueue(received);
            if (status == StatusCodes.Status200OK && Interlocked.Exchange(ref _hold, null) is { } hold)
            {
                await hold.HoldAsync(received);
            }

            return Results.StatusCode(status);
        });
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The message with this idempotency key gets a 500 the next <paramref name="times"/> times it comes.</summary>
    public void Fail(string key, int times) => _failures[key] = times;

    /// <summary>Every request, in arrival order, with the status it was answered.</summary>
    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>The requests that took effect: the first accepted one per idempotency key, in arrival order.</summary>
    public IReadOnlyList<Received> Effects => [.. _received.Where(r => r.Status == StatusCodes.Status200OK).DistinctBy(r => r.Key)];

    /// <summary>Holds the next accepted request's answer back until released.</summary>
    public Hold HoldNext()
    {
        var hold = new Hold();
        Volatile.Write(ref _hold, hold);
        return hold;
    }

    public static async Task<TestAdapter> StartedAsync()
    {
        var adapter = new TestAdapter();
        await adapter._app.StartAsync();
        adapter.Address = new Uri(adapter._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return adapter;
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Read(ref _hold)?.Release();
        await _app.DisposeAsync();
    }
}
