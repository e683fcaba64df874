using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HccOrleans.Model;
using HccOrleans.Tests.Support;
using Xunit.Abstractions;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// A two-silo cluster on PostgreSQL under submissions and receipts from 16 clients that retry with their idempotency
/// keys and versions, one silo SIGKILLed: no request waits past 10 s, nothing acknowledged is lost or applied twice,
/// and every dossier is served again within 10 s of the kill.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class FailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Procedure = "9.000700.000.00.00.T";
    private const int Clients = 16;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SigkillOfOneSilo_UnderLoad_HangsNoRequest_LosesNothing_AndServesEveryDossierWithin10s()
    {
        var connectionString = await postgres.CreateDatabaseAsync("failover");
        var cluster = $"failover-{Guid.NewGuid():N}"[..20];
        await using var survivor = new SiloProcess(connectionString, cluster);
        await using var victim = new SiloProcess(connectionString, cluster);
        survivor.Start();
        victim.Start();
        await Task.WhenAll(survivor.WaitReadyAsync(), victim.WaitReadyAsync());
        using (var seed = new EngineHttp(survivor.BaseAddress))
        {
            await seed.SeedAsync(Procedure, seconds: 36_000);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var load = new Load(http, [survivor.BaseAddress, victim.BaseAddress], await TokenAsync(http, survivor.BaseAddress));
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToArray();
        Assert.True(await load.Acknowledged(200).WaitAsync(TimeSpan.FromMinutes(2)).ContinueWith(t => t.IsCompletedSuccessfully), "the clients never got 200 transitions acknowledged");

        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        var servedAgain = await EveryDossierServedAsync(http, survivor.BaseAddress, load, killedAt);
        await load.Acknowledged(load.Count + 100).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var stored = await StoredAsync(http, survivor.BaseAddress, load);
        output.WriteLine($"acknowledged {load.Count} transitions of {load.Dossiers} dossiers; {load.Retries} retries ({load.Unavailable} answered 503, " +
            $"{load.Unreachable} unreachable); slowest request {load.Slowest.TotalSeconds:F1} s; every dossier served again {servedAgain.TotalSeconds:F1} s after the kill");
        Assert.True(load.Slowest < Bound, $"a request took {load.Slowest.TotalSeconds:F1} s");
        Assert.True(servedAgain < Bound, $"the dossiers were served again only {servedAgain.TotalSeconds:F1} s after the kill");
        Assert.Empty(load.Versions.Where(a => stored[a.Key].Version < a.Value).Select(a => $"{a.Key}: acknowledged {a.Value}, stored {stored[a.Key].Version}"));
        Assert.Empty(stored.Values.Where(d => d.Log.Count(e => e.Action == DossierAction.Submit) != 1 || d.Log.Count(e => e.Action == DossierAction.Receive) > 1)
            .Select(d => $"{d.Code}: {string.Join(", ", d.Log.Select(e => e.Action))}"));
    }

    /// <summary>Reads every acknowledged dossier through the survivor until each answers; how long after the kill the last did.</summary>
    private static async Task<TimeSpan> EveryDossierServedAsync(HttpClient http, Uri survivor, Load load, Stopwatch sinceKill)
    {
        var waiting = new HashSet<string>(load.Versions.Keys);
        while (waiting.Count > 0 && sinceKill.Elapsed < TimeSpan.FromSeconds(60))
        {
            var answers = await Task.WhenAll(waiting.Select(async code => (code, await load.GetAsync(survivor, code) is not null)));
            waiting.ExceptWith(answers.Where(a => a.Item2).Select(a => a.code));
        }

        return sinceKill.Elapsed;
    }

    private static async Task<Dictionary<string, DossierSnapshot>> StoredAsync(HttpClient http, Uri survivor, Load load)
    {
        var stored = new Dictionary<string, DossierSnapshot>();
        foreach (var code in load.Versions.Keys)
        {
            stored[code] = await load.GetAsync(survivor, code) ?? throw new InvalidOperationException($"{code} cannot be read");
        }

        return stored;
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri silo)
    {
        using var response = await http.PostAsJsonAsync(new Uri(silo, "/api/dev/token"), new { sub = "officer.failover", roles = new[] { "officer", "director" }, agency = TestCatalogue.OneStop });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>
    /// Clients that submit (with an idempotency key) and receive (with If-Match) dossiers, each through its silo,
    /// and on an unreachable silo, a timeout or a 503 retry the same request through the other: both retries are
    /// harmless (the key answers the same dossier, the version refuses a second receipt).
    /// </summary>
    private sealed class Load(HttpClient http, Uri[] silos, string token)
    {
        private static readonly JsonSerializerOptions Json = CreateJson();
        private readonly ConcurrentQueue<(int Count, TaskCompletionSource Reached)> _waiters = new();
        private long _count;
        private long _retries;
        private long _unavailable;
        private long _unreachable;
        private long _slowestTicks;

        public ConcurrentDictionary<string, long> Versions { get; } = new();

        public long Count => Interlocked.Read(ref _count);

        public int Dossiers => Versions.Count;

        public long Retries => Interlocked.Read(ref _retries);

        public long Unavailable => Interlocked.Read(ref _unavailable);

        public long Unreachable => Interlocked.Read(ref _unreachable);

        public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

        public Task Acknowledged(long count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(((int)count, reached));
            Signal();
            return reached.Task;
        }

        public async Task RunAsync(int client, CancellationToken stop)
        {
            var preferred = client % silos.Length;
            while (!stop.IsCancellationRequested)
            {
                var key = Guid.NewGuid().ToString();
                var submitted = await UntilDoneAsync(preferred, silo => Post(silo, "/api/dossiers", TestCatalogue.Request(Procedure), key, null), stop);
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
            for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
            {
                using var request = create(silos[(preferred + attempt) % silos.Length]);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    Slower(clock.Elapsed);
                    if (response.IsSuccessStatusCode)
                    {
                        return new Outcome(await response.Content.ReadFromJsonAsync<DossierSnapshot>(Json, CancellationToken.None));
                    }

                    if (attempt > 0 && response.StatusCode == HttpStatusCode.Conflict)
                    {
                        // A retried receipt that the first attempt already applied meets its own version: done, never acknowledged.
                        return new Outcome(null);
                    }

                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        throw new HttpRequestException($"{request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }

                    Interlocked.Increment(ref _unavailable);
                    Assert.True(response.Headers.RetryAfter is not null, "a 503 without Retry-After");
                }
                catch (HttpRequestException exception) when (exception.StatusCode is null)
                {
                    // The killed silo's own endpoint: refused at once.
                    Slower(clock.Elapsed);
                    Interlocked.Increment(ref _unreachable);
                }

                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }

            return null;
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

        private void Slower(TimeSpan elapsed)
        {
            var ticks = elapsed.Ticks;
            for (var seen = Interlocked.Read(ref _slowestTicks); ticks > seen; seen = Interlocked.Read(ref _slowestTicks))
            {
                if (Interlocked.CompareExchange(ref _slowestTicks, ticks, seen) == seen)
                {
                    return;
                }
            }
        }

        private static JsonSerializerOptions CreateJson()
        {
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            HccOrleans.Api.Json.ApiJson.Configure(options, TestCalendars.Vietnam);
            return options;
        }
    }
}
