using System.Collections.Concurrent;
using System.Diagnostics;
using HccOrleans.Api.Queries;
using HccOrleans.Domain;
using HccOrleans.Grains;
using HccOrleans.Hosting;
using HccOrleans.Model;
using HccOrleans.Reports;
using HccOrleans.Silo.Persistence;
using HccOrleans.Silo.Seed;
using Npgsql;

namespace HccOrleans.Bench;

/// <summary>
/// The preset <c>quang-nam-2019h1</c>: half a year of a province's one-stop work (the 2019 Quảng Nam report),
/// replayed on the engine in simulated time, then report II.06a next to the replay's own tally.
/// </summary>
internal static class QuangNamReplay
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Start = new(2019, 1, 1, 0, 0, 0, Vietnam);
    private static readonly DateTimeOffset End = new(2019, 6, 26, 0, 0, 0, Vietnam);
    private const int Submitted = 41_009;
    private const int Online = 5_487;
    private const int Postal = 9_876;
    private const double LateShare = 0.013;

    // Online dossiers per department in the report; the remaining 15 went to other agencies.
    private static readonly (string Agency, int Count)[] OnlineByDepartment =
    [
        ("SCT", 1_384), ("SGTVT", 2_619), ("SKHDT", 668), ("STNMT", 401), ("SVHTTDL", 39), ("STP", 280), ("STTTT", 24), ("SYT", 57), ("SKHCN", 10), ("CAT", 5),
    ];

    // How counter and postal dossiers spread over the departments (an assumption: the report gives no split).
    private static readonly (string Agency, double Weight)[] OfflineWeights =
    [
        ("SGTVT", 0.30), ("STNMT", 0.20), ("SKHDT", 0.12), ("STP", 0.10), ("SCT", 0.08), ("SYT", 0.07), ("CAT", 0.06), ("SVHTTDL", 0.03), ("STTTT", 0.02), ("SKHCN", 0.02),
    ];

    private enum Move { Submit, Receive, Appraise, Approve, Return }

    private sealed record Planned(int Id, Channel Channel, string Agency, string Procedure, Dictionary<Move, DateTimeOffset> At, bool Late)
    {
        /// <summary>Who performs a step: the procedure's step agency (liên thông steps belong to other agencies).</summary>
        public string StepAgency(ProcessingStep step) =>
            DefaultSteps.Resolve(DemoProcedures.All.First(p => p.Code == Procedure).Definition.Steps, Agency, step).AgencyCode;
    }

    public static async Task<int> RunAsync(string database)
    {
        var clock = new SimulatedClock(Start);
        // Real office hours: the replay's deadlines are the center's, not the benchmarks' round-the-clock ones.
        await using var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?> { ["Calendar:OfficeHours"] = "07:00-11:30,13:30-17:00" },
            services => services.AddKeyedSingleton<TimeProvider>(EngineClock.Key, clock));
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        foreach (var unit in DemoUnits.All)
        {
            await grains.GetGrain<IUnitDirectoryGrain>(GrainKeys.Units).PutAsync(unit);
        }

        foreach (var (code, definition) in DemoProcedures.All)
        {
            await grains.GetGrain<IProcedureGrain>(GrainKeys.Procedure(code)).PutAsync(definition);
        }

        var plan = Plan();
        Console.WriteLine($"planned {plan.Count:N0} dossiers, {plan.Sum(p => p.At.Count):N0} moves between {Start:yyyy-MM-dd} and {End.AddDays(-1):yyyy-MM-dd}");
        var dueAt = new ConcurrentDictionary<int, DateTimeOffset>();
        var codes = new ConcurrentDictionary<int, string>();
        var replay = Stopwatch.StartNew();
        var moves = plan.SelectMany(p => p.At.Select(a => (Dossier: p, Move: a.Key, At: a.Value)))
            .GroupBy(m => m.At).OrderBy(g => g.Key);
        var officer = new Actor("replay.officer", [Role.Officer], DemoUnits.Center);
        var portal = new Actor("replay.portal", [Role.Portal], "");
        foreach (var bucket in moves)
        {
            clock.Set(bucket.Key);
            await Parallel.ForEachAsync(bucket, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (move, _) =>
            {
                var d = move.Dossier;
                var result = move.Move switch
                {
                    Move.Submit => (await grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission("replay", $"qn-{d.Id}"))
                        .SubmitAsync(d.Channel == Channel.Online ? portal : officer, Request(d))).Result,
                    Move.Receive => await Dossier(grains, codes[d.Id]).ReceiveAsync(new ActionContext(officer)),
                    Move.Appraise => await Dossier(grains, codes[d.Id]).AppraiseAsync(new ActionContext(new Actor("replay.specialist", [Role.Specialist], d.StepAgency(ProcessingStep.Appraise))), AppraisalOutcome.Eligible, null),
                    Move.Approve => await Dossier(grains, codes[d.Id]).ApproveAsync(new ActionContext(new Actor("replay.leader", [Role.Leader], d.StepAgency(ProcessingStep.Approve))), null),
                    _ => await Dossier(grains, codes[d.Id]).ReturnAsync(new ActionContext(officer), d.Channel == Channel.Postal ? ReturnMethod.Postal : ReturnMethod.Counter),
                };
                var dossier = result.Dossier ?? throw new InvalidOperationException($"{move.Move} of #{d.Id}: {result.Rejection?.Rule} {result.Rejection?.Detail}");
                codes[d.Id] = dossier.Code;
                if (move.Move == Move.Receive)
                {
                    dueAt[d.Id] = dossier.DueAt!.Value;
                }
            });
        }

        Console.WriteLine($"replayed in {replay.Elapsed.TotalSeconds:F0} s ({plan.Sum(p => p.At.Count) / replay.Elapsed.TotalSeconds:F0} moves/s)");

        // The replay's own tally, from what it did and the due dates the engine answered.
        var received = plan.Where(p => p.At.ContainsKey(Move.Receive)).ToList();
        var resolved = received.Where(p => p.At.ContainsKey(Move.Approve)).Select(p => Classify(p.At[Move.Approve], dueAt[p.Id])).ToList();
        var open = received.Where(p => !p.At.ContainsKey(Move.Approve)).ToList();
        var tally = new Report06aRow(null, null,
            new ReceivedCounts(received.Count, received.Count(p => p.Channel == Channel.Online), received.Count(p => p.Channel != Channel.Online), 0),
            new ResolvedCounts(resolved.Count, resolved.Count(c => c == CompletionClass.Early), resolved.Count(c => c == CompletionClass.OnTime), resolved.Count(c => c == CompletionClass.Late)),
            new InProgressCounts(open.Count, open.Count(p => dueAt[p.Id] >= End), open.Count(p => dueAt[p.Id] < End)));

        // The index follows grain state within ~100 ms; the report waits until it has caught up.
        await IndexPump.DrainAsync(app.Services.GetRequiredService<NpgsqlDataSource>());
        var queries = app.Services.GetRequiredService<IDossierQueries>();
        var report = ReportRules.Build(await queries.ReceivedBeforeAsync(End, null), Start, End, byField: false);
        Print(report, tally, received);
        await app.StopAsync();
        return report.Total == tally ? 0 : 1;
    }

    private static IDossierGrain Dossier(IGrainFactory grains, string code) => grains.GetGrain<IDossierGrain>(code);

    private static CompletionClass Classify(DateTimeOffset completed, DateTimeOffset due) =>
        completed > due ? CompletionClass.Late : completed.ToOffset(Vietnam).Date < due.ToOffset(Vietnam).Date ? CompletionClass.Early : CompletionClass.OnTime;

    private static SubmissionRequest Request(Planned d) => new(
        d.Procedure, DemoUnits.Center, d.Channel,
        new Applicant($"Công dân {d.Id}", $"0491900{d.Id:D5}", "0905111222", null, "Quảng Nam"),
        [new DocumentItem("Tờ khai", 1)],
        d.Channel == Channel.Postal ? $"EMS{d.Id:D9}VN" : null);

    /// <summary>A deterministic half-year: who files what, when, and how fast each dossier is handled.</summary>
    private static List<Planned> Plan()
    {
        var random = new Random(2019);
        var calendar = new WorkingCalendar(OfficeHours.Default, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"),
            y => HolidayYear.Create(y, StatutoryHolidays.Provisional(y), []));
        var workingDays = Enumerable.Range(0, (End - Start).Days).Select(i => DateOnly.FromDateTime(Start.AddDays(i).DateTime))
            .Where(calendar.IsWorkingDay).ToArray();
        var procedures = DemoProcedures.All;

        var channels = new List<(Channel Channel, string Agency)>();
        channels.AddRange(OnlineByDepartment.SelectMany(o => Enumerable.Repeat((Channel.Online, o.Agency), o.Count)));
        var offline = Submitted - Online;
        for (var i = 0; i < offline; i++)
        {
            channels.Add((i < Postal ? Channel.Postal : Channel.Direct, Pick(random, OfflineWeights)));
        }

        var plan = new List<Planned>();
        foreach (var (channel, agency, id) in channels.OrderBy(_ => random.Next()).Select((c, i) => (c.Channel, c.Agency, i)))
        {
            var candidates = procedures.Where(p => p.Definition.AgencyCode == agency && SubmissionRules.ChannelRefusal(p.Definition, channel) is null).ToArray();
            var (code, definition) = candidates[random.Next(candidates.Length)];
            var day = workingDays[random.Next(workingDays.Length)];
            var at = new Dictionary<Move, DateTimeOffset>();
            var submit = Hour(day, 7 + random.Next(10));
            at[Move.Submit] = submit;
            var receive = calendar.ClockStart(submit.AddHours(1)) is var start && start > submit ? Floor(start) : submit.AddHours(1);
            if (receive < End)
            {
                at[Move.Receive] = receive;
                var clockStart = calendar.ClockStart(receive);
                var due = Deadlines.DueAt(calendar, clockStart, Deadlines.Applicable(definition, channel));
                var budget = calendar.WorkingTimeBetween(clockStart, due);
                var late = random.NextDouble() < LateShare;
                var approve = Floor(late
                    ? calendar.AddWorkingTime(due, TimeSpan.FromHours(2 + random.Next(16)))
                    : calendar.AddWorkingTime(clockStart, budget * (0.15 + (random.NextDouble() * 0.8))));
                approve = Later(approve, receive.AddHours(2));
                var appraise = Later(Floor(calendar.AddWorkingTime(receive, (approve - receive) / 3)), receive.AddHours(1));
                appraise = appraise < approve ? appraise : receive.AddHours(1);
                var returned = Later(Floor(calendar.AddWorkingTime(approve, TimeSpan.FromHours(1 + random.Next(8)))), approve.AddHours(1));
                foreach (var (move, instant) in new[] { (Move.Appraise, appraise), (Move.Approve, approve), (Move.Return, returned) })
                {
                    if (instant >= End)
                    {
                        break;
                    }

                    at[move] = instant;
                }

                plan.Add(new Planned(id, channel, agency, code, at, late));
            }
            else
            {
                plan.Add(new Planned(id, channel, agency, code, at, false));
            }
        }

        return plan;
    }

    private static string Pick(Random random, (string Agency, double Weight)[] weights)
    {
        var roll = random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (agency, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return agency;
            }
        }

        return weights[^1].Agency;
    }

    private static DateTimeOffset Hour(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Vietnam);

    private static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Vietnam);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, Vietnam);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void Print(Report06a report, Report06aRow tally, List<Planned> received)
    {
        static string Line(string label, Report06aRow r) =>
            $"| {label,-10} | {r.Received.Total,8:N0} | {r.Received.Online,7:N0} | {r.Received.DirectOrPostal,8:N0} | {r.Received.CarriedOver,5:N0} | {r.Resolved.Total,8:N0} | {r.Resolved.Early,7:N0} | {r.Resolved.OnTime,7:N0} | {r.Resolved.Late,5:N0} | {r.InProgress.Total,7:N0} | {r.InProgress.WithinDeadline,7:N0} | {r.InProgress.Overdue,7:N0} |";
        Console.WriteLine();
        Console.WriteLine($"Report II.06a, {report.From:yyyy-MM-dd} to {report.To.AddDays(-1):yyyy-MM-dd} (engine) next to the replay's own tally:");
        Console.WriteLine();
        Console.WriteLine("| agency     | received |  online | dir+post | carry | resolved |   early | on time |  late | in prog |  within | overdue |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in report.Rows)
        {
            Console.WriteLine(Line(row.Agency ?? "", row));
        }

        Console.WriteLine(Line("**engine**", report.Total));
        Console.WriteLine(Line("**tally**", tally));
        Console.WriteLine();
        var late = tally.Resolved.Late / (double)Math.Max(1, tally.Resolved.Total);
        Console.WriteLine($"online {tally.Received.Online / (double)tally.Received.Total:P1}, postal {received.Count(p => p.Channel == Channel.Postal) / (double)tally.Received.Total:P1}, resolved late {late:P2}");
        Console.WriteLine(report.Total == tally ? "06a totals equal the tally exactly." : "06a totals DIFFER from the tally.");
    }
}
