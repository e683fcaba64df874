using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Silo.Hosting;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const int SinkPort = 5195;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);
    private static readonly Persistence.Delivery.DeliveryOptions Delivery = new();

    /// <summary>
    /// Transitions with the citizen told by SMS and the portal kept in sync, against the same transitions with every
    /// adapter off, the two kinds of round rotated. The gateway's and the portal's side is a process of its own that
    /// answers at once; each round with the adapters on waits, its silo still running, until the outbox has delivered
    /// every message, and the sink must have had each one exactly once.
    /// </summary>
    private async Task NoticesAsync()
    {
        Console.Error.WriteLine($"# notices: {size.Rounds} rounds of {size.EngineDossiers:N0} dossiers with the adapters off and on, {size.Callers} concurrent callers");
        await using var sink = await ServerProcess.StartAsync(AdapterSink.Project, AdapterSink.Assembly, "adapter-sink", SinkPort, new Dictionary<string, string>(),
            AdapterSink.Command);
        var off = new List<RoundResult>();
        var on = new List<RoundResult>();
        var drains = new List<OutboxDrain.Figures>();
        EngineRound.RoundSetup Told(int round) => new(AdaptersOn(new Uri(sink.Address, $"/round-{round}/")), Workload.Applicant with { Notify = NoticeChannel.Sms },
            async data => drains.Add(await OutboxDrain.WaitAsync(data, DrainTimeout)));
        var kinds = new (string Name, Func<Task> Run)[]
        {
            ("adapters off", async () => off.Add(await EngineRound.RunAsync(await NewDatabaseAsync("notices"), GrainStorageSetup.GroupCommit, size.EngineDossiers, size.Callers, "engine, adapters off"))),
            ("adapters on", async () => on.Add(await EngineRound.RunAsync(await NewDatabaseAsync("notices"), GrainStorageSetup.GroupCommit, size.EngineDossiers, size.Callers, "engine, SMS and portal sync on", Told(on.Count + 1)))),
        };
        for (var round = 1; round <= size.Rounds; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                await kinds[(k + round - 1) % kinds.Length].Run();
            }

            Console.Error.WriteLine($"  round {round}: adapters off {off[^1].Rate:N0}/s, on {on[^1].Rate:N0}/s; {drains[^1].Written:N0} messages, " +
                $"{drains[^1].Rate:N0} delivered a second, the last {drains[^1].EmptyAfter.TotalSeconds:F1} s after the load");
        }

        var received = await AdapterSink.ReadAsync(sink.Address);
        var written = drains.Sum(d => d.Written);
        if (drains.Sum(d => d.Failed) is > 0 and var failed)
        {
            throw new InvalidOperationException($"{failed:N0} of {written:N0} messages failed; the sink answers every one with 200.");
        }

        if (received.Keys != written)
        {
            throw new InvalidOperationException($"The outbox wrote {written:N0} messages for the adapters, but the sink had {received.Keys:N0} distinct ones.");
        }

        const string Section = "10 notices";
        _report.Figure(Section, "engine, every adapter off (median)", $"{SuiteReport.F(RoundResult.Median(off))}/s", off);
        _report.Figure(Section, "engine, the citizen told by SMS and the portal kept in sync, through a local process playing the gateway and the portal (median)",
            $"{SuiteReport.F(RoundResult.Median(on))}/s", on);
        _report.Figure(Section, "CPU per transition, the silo with its callers + PostgreSQL: adapters off / on (median of rounds)", $"{CpuOf(off)} / {CpuOf(on)}");
        _report.Figure(Section, "messages to the adapters a transition (the rounds' warm-ups included)",
            SuiteReport.F(RoundResult.Median(drains.Select(d => d.PerTransition))), unit: "");
        _report.Figure(Section, "messages delivered a second by the outbox's loop, from the first written to the last delivered (median)",
            $"{SuiteReport.F(RoundResult.Median(drains.Select(d => d.Rate)))}/s", drains.Select(d => new RoundResult(d.Rate, d.EmptyAfter)));
        _report.Figure(Section, "the outbox empty after the measured load's last transition (median of rounds)",
            $"{SuiteReport.F(RoundResult.Median(drains.Select(d => d.EmptyAfter.TotalSeconds)))} s");
        _report.Figure(Section, "messages the sink received / distinct (each message once: repeats are the difference)",
            $"{received.Posts:N0} / {received.Keys:N0} ({string.Join(", ", received.ByPath.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"))})");
        _report.Ratio("10", "engine transitions/s: SMS and portal sync on / every adapter off", RoundResult.Median(on) / RoundResult.Median(off), double.NaN);
        _report.Note(Section, "both kinds run as the engine's warm rounds do (a silo of its own on a fresh database, warmed, then measured); " +
            "with the adapters on, every dossier's applicant chose SMS, Portal:Endpoint and Notifications:Sms:Endpoint point at the sink, and the " +
            $"outbox's delivery loop runs with its defaults ({Delivery.Batch} messages claimed at a time, {Delivery.Parallel} on their way at once); " +
            "a round ends when no message waits.");
    }

    private static Dictionary<string, string?> AdaptersOn(Uri round) => new()
    {
        ["Portal:Endpoint"] = new Uri(round, "portal/").AbsoluteUri,
        ["Notifications:Sms:Endpoint"] = new Uri(round, "sms").AbsoluteUri,
    };
}
