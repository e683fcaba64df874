using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// The other side of the outbox's adapters, in a process of its own as a gateway and the portal would be: it takes
/// every POST under a round's prefix (the SMS gateway's messages, the portal's status changes, results and notices),
/// answers 200 at once and counts them by path and by round and <c>Idempotency-Key</c>, so that the suite can check
/// each message arrived once.
/// </summary>
internal static class AdapterSink
{
    public const string Project = "tools/Bench";
    public const string Assembly = "HccOrleans.Bench";
    public const string Command = "adapter-sink";

    /// <summary>What the sink was sent: every POST, the distinct keys among them, and the POSTs by path.</summary>
    public sealed record Received(long Posts, long Keys, Dictionary<string, long> ByPath);

    /// <summary>adapter-sink: serves until it is stopped (ASPNETCORE_URLS says where); GET /received answers what came.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args[1..]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var keys = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var byPath = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long posts = 0;
        // The first segment names the round (each round's database numbers its dossiers afresh, so their keys repeat).
        app.MapPost("/{round}/{**path}", (HttpRequest request, string round, string path) =>
        {
            Interlocked.Increment(ref posts);
            byPath.AddOrUpdate(path, 1, (_, n) => n + 1);
            keys.TryAdd($"{round} {request.Headers["Idempotency-Key"]}", 0);
            return Results.Ok();
        });
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapGet("/received", () => new Received(Interlocked.Read(ref posts), keys.Count, new(byPath, StringComparer.Ordinal)));
        await app.RunAsync();
        return 0;
    }

    public static async Task<Received> ReadAsync(Uri sink)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<Received>(new Uri(sink, "/received"))
            ?? throw new InvalidOperationException("The adapter sink answered /received with nothing.");
    }
}
