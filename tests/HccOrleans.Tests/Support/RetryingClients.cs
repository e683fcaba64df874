using System.Collections.Concurrent;

using System.Net.Http.Headers;

namespace HccOrleans.Tests.Support;

/// <summary>
/// Clients that submit (with an idempotency key) and receive (with If-Match) dossiers, each through its silo,
/// and on an unreachable silo, a timeout or a 503 retry the same request through the other: both retries are
/// harmless (the key answers the same dossier, the version refuses a second receipt).
/// </summary>
public sealed class RetryingClients(HttpClient http, Uri[] silos, string token, string procedure)
{
    private static readonly JsonSerializerOptions Json = DevTokens.Json;
    private readonly ConcurrentQueue<(int Count, TaskCompletionSource Reached)> _waiters = new();
    private long _count;
    private long _retries;
    private long _unavailable;
    private long _unreachable;
    private long _slowestTicks;
    private long _slowestAttemptTicks;

    public ConcurrentDictionary<string, long> Versions { get; } = new();

    /// <summary>Why each retried attempt failed (its address and the error), to say what a test saw.</summary>
    public ConcurrentQueue<string> RetriedBecause { get; } = new();

    public long Count => Interlocked.Read(ref _count);

    public int Dossiers => Versions.Count;

    public long Retries => Interlocked.Read(ref _retries);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    public long Unreachable => Interlocked.Read(ref _unreachable);

    /// <summary>The slowest request from its first attempt to its answer, across every retry.</summary>
    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    /// <summary>The slowest single attempt: how long one HTTP request waited for an answer (none may hang).</summary>
    public TimeSpan SlowestAttempt => TimeSpan.FromTicks(Interlocked.Read(ref _slowestAttemptTicks));

    /// <summary>Waits until <paramref name="count"/> answers were acknowledged in all; fails with what it saw.</summary>
    public async Task AcknowledgedAsync(long count, TimeSpan within)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue(((int)count, reached));
        Signal();
        await Waits.WithinAsync(reached.Task, within,
            () => $"{count} answers acknowledged: {Count} were ({Retries} retries: {Unavailable} answered 503, {Unreachable} unreachable)");
    }

    public async Task RunAsync(int client, CancellationToken stop)
    {
        var preferred = client % silos.Length;
        while (!stop.IsCancellationRequested)
        {
            var key = Guid.NewGuid().ToString();
            var submitted = await UntilDoneAsync(preferred, silo => Post(silo, "/api/dossiers", TestCatalogue.Request(procedure), key, null), stop);
            if (submitted?.Answer is not { } dossier)
            {
                return;
            }

            Record(dossier);
            var received = await UntilDoneAsync(preferred, silo => Post(silo, $"/api/dossiers/{dossier.Code}/receive", new { }, null, dossier.Version), stop);
            if (received is null)
            {
                return;
            }

            if (received.Answer is { } answer)
            {
                Record(answer);
            }
        }
    }

    public async Task<DossierSnapshot?> GetAsync(Uri silo, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo, $"/api/dossiers/{code}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<DossierSnapshot>(Json) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private HttpRequestMessage Post(Uri silo, string path, object body, string? key, long? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo, path)) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return request;
    }

    /// <summary>
    /// The request's answer, retried through the other silo while the cluster cannot answer; no answer when a retry
    /// found its work already done (the version moved on); null once stopped.
    /// </summary>
    private async Task<Outcome?> UntilDoneAsync(int preferred, Func<Uri, HttpRequestMessage> create, CancellationToken stop)
    {
        var whole = Stopwatch.StartNew();
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            using var request = create(silos[(preferred + attempt) % silos.Length]);
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                Atomic.RaiseTo(ref _slowestAttemptTicks, clock.Elapsed.Ticks);
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<DossierSnapshot>(Json, CancellationToken.None);
                    Atomic.RaiseTo(ref _slowestTicks, whole.Elapsed.Ticks);
                    return new Outcome(answer);
                }

                if (response.StatusCode == HttpStatusCode.Conflict && (attempt > 0 || await RepeatedBySiloAsync(request, response)))
                {
                    // A retried receipt that the first attempt already applied meets its own version: done, never acknowledged.
                    Atomic.RaiseTo(ref _slowestTicks, whole.Elapsed.Ticks);
                    return new Outcome(null);
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    // With its status, so that it fails the client instead of passing for an unreachable silo and being retried.
                    throw new HttpRequestException(
                        $"{request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}", null, response.StatusCode);
                }

                Interlocked.Increment(ref _unavailable);
                RetriedBecause.Enqueue($"{request.RequestUri}: 503");
                Assert.True(response.Headers.RetryAfter is not null, "a 503 without Retry-After");
            }
            catch (HttpRequestException exception) when (exception.StatusCode is null)
            {
                // The killed silo's own endpoint: refused at once.
                Atomic.RaiseTo(ref _slowestAttemptTicks, clock.Elapsed.Ticks);
                Interlocked.Increment(ref _unreachable);
                RetriedBecause.Enqueue($"{request.RequestUri}: {exception.Message}");
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }

        return null;
    }

    /// <summary>
    /// Whether a first attempt's 409 is the silo's own repeat of it: when the dossier's silo dies after storing a
    /// versioned action and before answering, the silo that took the request makes the call once more (RepeatSafeCalls),
    /// and the repeat meets the very version the first application made.
    /// </summary>
    private async Task<bool> RepeatedBySiloAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
        var repeated = long.TryParse(request.Headers.IfMatch.FirstOrDefault()?.Tag.Trim('"'), out var sent)
            && problem.TryGetProperty("rule", out var rule) && rule.GetString() == "stale-version"
            && problem.TryGetProperty("currentVersion", out var current) && current.GetInt64() == sent + 1;
        if (repeated)
        {
            RetriedBecause.Enqueue($"{request.RequestUri}: repeated by the silo, 409 at version {sent + 1}");
        }

        return repeated;
    }

    private sealed record Outcome(DossierSnapshot? Answer);

    private void Record(DossierSnapshot dossier)
    {
        Versions.AddOrUpdate(dossier.Code, dossier.Version, (_, known) => Math.Max(known, dossier.Version));
        Interlocked.Increment(ref _count);
        Signal();
    }

    private void Signal()
    {
        foreach (var (count, reached) in _waiters)
        {
            if (Count >= count)
            {
                reached.TrySetResult();
            }
        }
    }

    /// <summary>A token for the clients: an officer of the test one-stop unit who may also read every dossier.</summary>
    public static Task<string> TokenAsync(HttpClient http, Uri silo) =>
        DevTokens.IssueAsync(http, "officer.load", ["officer", "director"], TestCatalogue.OneStop, silo);
}
