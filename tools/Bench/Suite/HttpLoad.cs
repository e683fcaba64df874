using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HccOrleans.Bench.Measure;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// The load process of the HTTP run (a process of its own, as a real client is): N dossiers through the HTTP API —
/// submit, receive, hand over to the agency, appraise, approve, return — from concurrent callers, spread over the given silos; prints the
/// transitions per second and the request latencies. With a number of scans, each dossier is received with that many
/// components, each linking a scan uploaded before the run (the file checks and the applicant's documents on the path).
///   HccOrleans.Bench http-load &lt;base URL[,base URL...]&gt; &lt;procedure&gt; &lt;dossiers&gt; &lt;callers&gt; [scans] [transitions per second]
/// With a rate, dossiers are started at that pace (each dossier's transitions one after another, as fast as they are
/// answered) instead of as fast as the callers allow: what latency is at a load below the maximum.
/// </summary>
internal static class HttpLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var silos = args[1].Split(',').Select(u => new Uri(u)).ToArray();
        var procedure = args[2];
        var dossiers = int.Parse(args[3], CultureInfo.InvariantCulture);
        var callers = int.Parse(args[4], CultureInfo.InvariantCulture);
        var scans = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0;
        double? pace = args.Length > 6 && double.Parse(args[6], CultureInfo.InvariantCulture) is > 0 and var rate ? rate / Workload.TransitionsPerDossier : null;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = callers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var clients = silos.Select(silo => new HttpClient(handler, disposeHandler: false) { BaseAddress = silo, Timeout = TimeSpan.FromMinutes(2) }).ToArray();
        var tokens = new Dictionary<string, string>
        {
            ["officer"] = await TokenAsync(clients[0], "bench.officer", "officer", Workload.Unit),
            ["specialist"] = await TokenAsync(clients[0], "bench.specialist", "specialist", Workload.Agency),
            ["leader"] = await TokenAsync(clients[0], "bench.leader", "leader", Workload.Agency),
        };

        var files = new List<Guid>();
        for (var scan = 0; scan < scans; scan++)
        {
            files.Add(await ScanFiles.UploadAsync(clients[0], tokens["officer"], ScanBytes, scan, CancellationToken.None));
        }

        var documents = files.Count == 0
            ? new[] { new { name = "Tờ khai", copies = 1, original = (bool?)null, fileId = (Guid?)null } }
            : files.Select((file, n) => new { name = $"Thành phần {n + 1}", copies = 1, original = (bool?)true, fileId = (Guid?)file }).ToArray();

        // Warm-up (JIT on both sides, connections), not counted.
        await DriveAsync(clients, tokens, procedure, documents, Math.Min(500, dossiers), callers, "warm-up", new ConcurrentBag<(string, double)>(), null, pace);

        var latencies = new ConcurrentBag<(string Step, double Milliseconds)>();
        var cpu = ProcessCpu.Start();
        var clock = Stopwatch.StartNew();
        await using (var progress = new ProgressLine("http transitions", dossiers * (long)Workload.TransitionsPerDossier))
        {
            await DriveAsync(clients, tokens, procedure, documents, dossiers, callers, "load", latencies, progress, pace);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var clientCpu = cpu.Spent.TotalMicroseconds / (dossiers * (double)Workload.TransitionsPerDossier);
        var sorted = Sorted(latencies);
        // Which steps make the tail: on the error stream, beside the progress, not in the suite's table.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 / p99 by step (ms): {string.Join(", ", latencies.GroupBy(l => l.Step).Select(g =>
        {
            var step = Sorted(g);
            return $"{g.Key} {At(step, 0.5):F1} / {At(step, 0.99):F1}";
        }))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result transitions={dossiers * Workload.TransitionsPerDossier} seconds={seconds:F3} rate={dossiers * Workload.TransitionsPerDossier / seconds:F1} p50={At(sorted, 0.5):F2} p99={At(sorted, 0.99):F2} client_cpu_us={clientCpu:F0}"));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return 0;
    }

    private static double[] Sorted(IEnumerable<(string Step, double Milliseconds)> latencies) => [.. latencies.Select(l => l.Milliseconds).Order()];

    /// <summary>The latency below which <paramref name="share"/> of the sorted latencies fall.</summary>
    private static double At(double[] sorted, double share) => sorted[(int)(sorted.Length * share)];

    /// <summary>A one-page scan at 200 dpi in grey, about what a counter's scanner makes of a form.</summary>
    private const long ScanBytes = 300 * 1024;

    private static Task DriveAsync(HttpClient[] clients, Dictionary<string, string> tokens, string procedure, object documents, int dossiers, int callers, string run,
        ConcurrentBag<(string Step, double Milliseconds)> latencies, ProgressLine? progress, double? dossiersPerSecond)
    {
        // The bodies do not change from one dossier to the next: serialized once, so that the load process spends its
        // CPU on requests rather than on JSON.
        var submit = JsonSerializer.SerializeToUtf8Bytes(new
        {
            procedureCode = procedure,
            receivingUnit = Workload.Unit,
            channel = "direct",
            applicant = new { name = "Người nộp thử", idNumber = "049190004321", phone = "0905111222" },
            documents,
        }, IgnoreNulls);
        var empty = JsonSerializer.SerializeToUtf8Bytes(new { });
        var eligible = JsonSerializer.SerializeToUtf8Bytes(new { outcome = "eligible" });
        var atCounter = JsonSerializer.SerializeToUtf8Bytes(new { method = "counter" });
        var paced = Stopwatch.StartNew();
        return Parallel.ForEachAsync(Enumerable.Range(0, dossiers), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, cancellation) =>
        {
            if (dossiersPerSecond is { } perSecond && TimeSpan.FromSeconds(i / perSecond) - paced.Elapsed is { Ticks: > 0 } early)
            {
                await Task.Delay(early, cancellation);
            }

            var http = clients[i % clients.Length];
            var created = await SendAsync(http, tokens["officer"], "/api/dossiers", submit, HttpStatusCode.Created, $"{run}-{i}-{Guid.NewGuid():N}", latencies, cancellation);
            // The location of the created dossier carries its code: no need to parse the body on the client's CPU.
            var code = Uri.UnescapeDataString(created.OriginalString[(created.OriginalString.LastIndexOf('/') + 1)..]);
            await SendAsync(http, tokens["officer"], $"/api/dossiers/{code}/receive", empty, HttpStatusCode.OK, null, latencies, cancellation);
            await SendAsync(http, tokens["officer"], $"/api/dossiers/{code}/transfer", empty, HttpStatusCode.OK, null, latencies, cancellation);
            await SendAsync(http, tokens["specialist"], $"/api/dossiers/{code}/appraise", eligible, HttpStatusCode.OK, null, latencies, cancellation);
            await SendAsync(http, tokens["leader"], $"/api/dossiers/{code}/approve", empty, HttpStatusCode.OK, null, latencies, cancellation);
            await SendAsync(http, tokens["officer"], $"/api/dossiers/{code}/return", atCounter, HttpStatusCode.OK, null, latencies, cancellation);
            progress?.Add(Workload.TransitionsPerDossier);
        });
    }

    private static async Task<Uri> SendAsync(HttpClient http, string token, string path, byte[] body, HttpStatusCode expected, string? idempotencyKey,
        ConcurrentBag<(string Step, double Milliseconds)> latencies, CancellationToken cancellation)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}");
        }

        // The whole answer is read (the latency counts its last byte), into a pooled buffer rather than a new array.
        await using (var answer = await response.Content.ReadAsStreamAsync(cancellation))
        {
            await answer.CopyToAsync(Stream.Null, cancellation);
        }

        latencies.Add((path[(path.LastIndexOf('/') + 1)..], clock.Elapsed.TotalMilliseconds));
        return response.Headers.Location ?? new Uri(path, UriKind.Relative);
    }

    private static readonly JsonSerializerOptions IgnoreNulls = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static async Task<string> TokenAsync(HttpClient http, string subject, string role, string agency)
    {
        using var response = await http.PostAsJsonAsync("/api/dev/token", new { sub = subject, roles = new[] { role }, agency });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
