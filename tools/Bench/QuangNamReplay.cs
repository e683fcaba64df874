using System.Collections.Concurrent;
using System.Diagnostics;
using HccOrleans.Grains.Interfaces.Queries;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;
using HccOrleans.Persistence;
using HccOrleans.Silo.Seed;
using Npgsql;
using static HccOrleans.Bench.QuangNamPlan;

namespace HccOrleans.Bench;

/// <summary>
/// The preset <c>quang-nam-2019h1</c>: half a year of a province's one-stop work (the 2019 Quảng Nam report),
/// replayed on the engine in simulated time, then report II.06a beside the published figures and the plan's tally.
/// </summary>
internal static class QuangNamReplay
{
    public static async Task<int> RunAsync(string database)
    {
        var plan = QuangNamPlan.Create();
        Console.WriteLine($"planned {plan.Dossiers.Count:N0} dossiers, {plan.MoveCount:N0} moves between {Start:yyyy-MM-dd} and {End.AddDays(-1):yyyy-MM-dd}");

        var clock = new SimulatedClock(Start);
        // Real office hours: the replay's deadlines are the center's, not the benchmarks' round-the-clock ones.
        await using var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?> { ["Calendar:OfficeHours"] = "07:00-11:30,13:30-17:00" },
            services => services.AddKeyedSingleton<TimeProvider>(EngineClock.Key, clock));
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await SeedAsync(grains);

        var replay = Stopwatch.StartNew();
        await ReplayAsync(grains, plan, clock);
        Console.WriteLine($"replayed in {replay.Elapsed.TotalSeconds:F0} s ({plan.MoveCount / replay.Elapsed.TotalSeconds:F0} moves/s)");

        // The period is over: judge it at its end. The index follows grain state within ~100 ms; wait until it has caught up.
        clock.Set(End);
        await IndexPump.DrainAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), HccOrleans.Silo.Providers.DossierIndexRows.Instance);
        var dossiers = await app.Services.GetRequiredService<IDossierQueries>().ReceivedBeforeAsync(End, null);
        var report = ReportRules.Build(dossiers, Start, End, clock.GetUtcNow(), byField: false);
        var postal = dossiers.Count(d => d.Channel == FilingChannel.Postal && d.ReceivedAt >= Start);
        var agrees = Print(report, plan.Tally(), postal, plan.Dossiers.Count(d => d.Channel == FilingChannel.Postal));
        agrees &= await PrintSeedFactsAsync(app.Services.GetRequiredService<IDossierQueries>(), plan, report, clock.GetUtcNow());
        await app.StopAsync();
        return agrees ? 0 : 1;
    }

    /// <summary>
    /// The seed's two other facts, each beside the plan and the published text: June's postal dossiers by department
    /// (Biểu 07a of 1–25 June, column (6), scoped to each department as the API scopes it) and the departments that
    /// resolved everything on time (II.06a: none late, none overdue; the KPI's on-time rate). True when all agree.
    /// </summary>
    private static async Task<bool> PrintSeedFactsAsync(IDossierQueries queries, QuangNamPlan plan, Report06a report, DateTimeOffset now)
    {
        Console.WriteLine();
        Console.WriteLine("June's postal dossiers (Biểu 07a, 2019-06-01 to 2019-06-25, column (6)):");
        Console.WriteLine();
        Console.WriteLine("| department | engine | plan | report |");
        Console.WriteLine("|---|---:|---:|---:|");
        var agrees = true;
        foreach (var (agency, published) in Published.JunePostalByDepartment)
        {
            var engine = Report07aRules.Build(await queries.ReceivedBeforeAsync(End, agency), June, End, now, agency).Total.Received.Postal;
            var planned = plan.Dossiers.Count(d => d.Agency == agency && d.Channel == FilingChannel.Postal && d.ReceivedInJune);
            Console.WriteLine($"| {agency,-10} | {engine,6:N0} | {planned,6:N0} | {published,6:N0} |");
            agrees &= engine == planned && planned == published;
        }

        var june = Report07aRules.Build(await queries.ReceivedBeforeAsync(End, null), June, End, now, null).Total;
        var juneReceived = june.Received.Total - june.Received.CarriedOver;
        var planJune = plan.Dossiers.Count(d => d.Channel == FilingChannel.Postal && d.ReceivedInJune);
        Console.WriteLine($"| **all**    | {june.Received.Postal,6:N0} | {planJune,6:N0} | {Published.JunePostal,6:N0} |");
        Console.WriteLine($"June's receipts: engine {juneReceived:N0}, plan {JuneReceipts:N0}; postal share {(double)june.Received.Postal / juneReceived:P1} (report: {Published.JunePostalShare:P0})");
        agrees &= june.Received.Postal == planJune && planJune == Published.JunePostal && juneReceived == JuneReceipts;

        Console.WriteLine();
        Console.WriteLine("Departments at 100 % on time (II.06a late and overdue; KPI on-time rate):");
        Console.WriteLine();
        Console.WriteLine("| department | engine late | engine overdue | engine on-time rate | plan late or overdue | report |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var agency in Published.AllOnTime)
        {
            var row = report.Rows.Single(r => r.Agency == agency);
            var rate = KpiRules.Build(await queries.ReceivedBeforeAsync(End, agency), Start, End, now).OnTimeRate;
            var planned = plan.Dossiers.Count(d => d.Agency == agency && d.LateOrOverdue);
            Console.WriteLine($"| {agency,-10} | {row.Resolved.Late,11:N0} | {row.InProgress.Overdue,14:N0} | {rate,19:P2} | {planned,20:N0} | 100 % |");
            agrees &= row.Resolved.Late == 0 && row.InProgress.Overdue == 0 && rate == 1m && planned == 0;
        }

        Console.WriteLine();
        Console.WriteLine(agrees
            ? "June's postal dossiers and the all-on-time departments agree with the plan and the published text."
            : "June's postal dossiers or the all-on-time departments DIFFER from the plan or the published text.");
        return agrees;
    }

    private static async Task SeedAsync(IGrainFactory grains)
    {
        foreach (var unit in QuangNam2019Units.All)
        {
            await grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units).PutAsync(unit);
        }

        foreach (var (code, definition) in QuangNam2019Procedures.All)
        {
            await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(code)).PutAsync(definition);
        }

        var year = DemoCalendars.Official2019;
        await grains.Reference<IHolidayCalendarGrain>(GrainKeys.Calendar(year.Number)).PutAsync(year.DaysOff, year.WorkingDays);
    }

    /// <summary>Every planned move through the grains as staff would make it, instant by instant, 64 at a time.</summary>
    private static async Task ReplayAsync(IGrainFactory grains, QuangNamPlan plan, SimulatedClock clock)
    {
        var codes = new ConcurrentDictionary<int, string>();
        var officer = new Actor("replay.officer", [Role.Officer], QuangNam2019Units.Center);
        var portal = new Actor("replay.portal", [Role.Portal], "");
        var buckets = plan.Dossiers.SelectMany(p => p.At.Select(a => (Dossier: p, Move: a.Key, At: a.Value)))
            .GroupBy(m => m.At).OrderBy(g => g.Key).ToList();
        var done = 0;
        var reported = 0;
        var started = Stopwatch.StartNew();
        foreach (var bucket in buckets)
        {
            clock.Set(bucket.Key);
            await Parallel.ForEachAsync(bucket, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (move, _) =>
            {
                var d = move.Dossier;
                IDossierGrain Dossier() => grains.Reference<IDossierGrain>(codes[d.Id]);
                ActorContext As(Role role, ProcessingStep step) => new(new Actor($"replay.{role}".ToLowerInvariant(), [role], d.StepAgency(step)));
                var result = move.Move switch
                {
                    Move.Submit => (await grains.Reference<ISubmissionGrain>(GrainKeys.Submission("replay", $"qn-{d.Id}"))
                        .SubmitAsync(d.Channel == FilingChannel.Online ? portal : officer, Request(d))).Result,
                    Move.Receive => await Dossier().ReceiveAsync(new ActorContext(officer)),
                    Move.Appraise => await Dossier().AppraiseAsync(As(Role.Specialist, ProcessingStep.Appraise), AppraisalOutcome.Eligible, null),
                    Move.Approve => await Dossier().ApproveAsync(As(Role.Leader, ProcessingStep.Approve), null),
                    _ => await Dossier().ReturnAsync(new ActorContext(officer), d.Channel == FilingChannel.Postal ? ReturnMethod.Postal : ReturnMethod.Counter),
                };
                var dossier = result.Dossier ?? throw new InvalidOperationException($"{move.Move} of #{d.Id}: {result.Rejection?.Rule} {result.Rejection?.Detail}");
                codes[d.Id] = dossier.Code;
            });

            done += bucket.Count();
            if (done * 20L / plan.MoveCount > reported)
            {
                reported = (int)(done * 20L / plan.MoveCount);
                Console.WriteLine($"  {bucket.Key:yyyy-MM-dd}  {done,9:N0} of {plan.MoveCount:N0} moves ({reported * 5,3} %), {done / started.Elapsed.TotalSeconds:F0}/s");
            }
        }
    }

    private static SubmissionRequest Request(QuangNamPlan.Dossier d) => new(
        d.Procedure, QuangNam2019Units.Center, d.Channel,
        new Applicant($"Công dân {d.Id}", $"0491900{d.Id:D5}", "0905111222", null, "Quảng Nam"),
        [new DocumentItem("Tờ khai", 1)],
        d.Channel == FilingChannel.Postal ? $"EMS{d.Id:D9}VN" : null);

    /// <summary>The engine's II.06a (per agency and total) beside the published figures and the plan's tally; true when all three agree.</summary>
    private static bool Print(Report06a report, Report06aRow plan, int enginePostal, int planPostal)
    {
        static string Line(string label, Report06aRow r) =>
            $"| {label,-11} | {r.ToHandle,8:N0} | {r.Received.Total,8:N0} | {r.Received.Online,6:N0} | {r.Resolved.Total,8:N0} | {r.Resolved.Early + r.Resolved.OnTime,8:N0} | {r.Resolved.Early,7:N0} | {r.Resolved.OnTime,7:N0} | {r.Resolved.Late,5:N0} | {r.WithdrawnOrStopped,5:N0} | {r.InProgress.Total,7:N0} | {r.InProgress.WithinDeadline,7:N0} | {r.InProgress.Overdue,7:N0} |";
        Console.WriteLine();
        Console.WriteLine($"Report II.06a, {report.From:yyyy-MM-dd} to {report.To.AddDays(-1):yyyy-MM-dd}, as of {report.AsOf.ToOffset(Vietnam):yyyy-MM-dd HH:mm zzz}:");
        Console.WriteLine();
        Console.WriteLine("| agency      | to handle| received| online | resolved | on time* |   early | on time |  late | w/s   | in prog |  within | overdue |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in report.Rows)
        {
            Console.WriteLine(Line(row.Agency ?? "", row));
        }

        Console.WriteLine(Line("**engine**", report.Total));
        Console.WriteLine(Line("**plan**", plan));
        Console.WriteLine(
            $"| **report**  | {Published.Received,8:N0} | {Published.Received,8:N0} | {Published.Online,6:N0} | {Published.Resolved,8:N0} | {Published.EarlyOrOnTime,8:N0} |       |         | {Published.Late,5:N0} |       |         |         |         |");
        Console.WriteLine();
        Console.WriteLine("on time* = early + on time; w/s = withdrawn or stopped. The report gives no in-progress split.");
        Console.WriteLine($"postal: engine {enginePostal:N0}, plan {planPostal:N0}, report {Published.Postal:N0}");

        var t = report.Total;
        var matchesReport = t.Received.Total == Published.Received && t.Received.Online == Published.Online && t.Resolved.Total == Published.Resolved
            && t.Resolved.Early + t.Resolved.OnTime == Published.EarlyOrOnTime && t.Resolved.Late == Published.Late && enginePostal == Published.Postal;
        var matchesPlan = t == plan && enginePostal == planPostal;
        Console.WriteLine(matchesReport && matchesPlan
            ? "II.06a agrees with the published figures and with the plan's own tally."
            : $"II.06a DIFFERS: from the published figures: {!matchesReport}; from the plan: {!matchesPlan}.");
        return matchesReport && matchesPlan;
    }
}
