using System.Diagnostics;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Bench;

/// <summary>The catalogue a benchmark needs and a bounded-concurrency driver of submissions and receipts.</summary>
internal static class Workload
{
    public const string Unit = "BENCH";
    public const string Agency = "AGB";
    public static readonly Actor Officer = new("bench.officer", [Role.Officer], Unit);

    public static async Task SeedAsync(IGrainFactory grains, string procedureCode, TimeSpan processing)
    {
        var units = grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units);
        await units.PutAsync(new UnitInfo(Unit, "Bộ phận một cửa (benchmark)", "000.00.95.H47", UnitKind.ServiceCenter));
        await units.PutAsync(new UnitInfo(Agency, "Sở (benchmark)", "000.00.94.H47", UnitKind.HandlingAgency));
        await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(procedureCode)).PutAsync(new ProcedureDefinition(
            "Thủ tục đo tải", Agency, "Benchmark", OnlineLevel.Full, true, 0m,
            new ProcessingTime(decimal.Round((decimal)processing.TotalHours, 6), TimeUnit.WorkingHours), null, [], SupplementPolicy.Pause));
        var year = DateTime.UtcNow.Year;
        foreach (var y in new[] { year, year + 1 })
        {
            var weekends = Enumerable.Range(0, DateTime.IsLeapYear(y) ? 366 : 365).Select(d => new DateOnly(y, 1, 1).AddDays(d))
                .Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToArray();
            await grains.Reference<IHolidayCalendarGrain>(GrainKeys.Calendar(y)).PutAsync([], weekends);
        }
    }

    public static readonly Actor Specialist = new("bench.specialist", [Role.Specialist], Agency);
    public static readonly Actor Leader = new("bench.leader", [Role.Leader], Agency);

    /// <summary>What <see cref="ProcessAsync"/> persists per dossier: submission, receipt, hand-over to the agency, appraisal, approval, return.</summary>
    public const int TransitionsPerDossier = 6;

    /// <summary>The applicant of every benchmark dossier: no email and no channel chosen, so nobody is told.</summary>
    public static readonly Applicant Applicant = new("Người nộp thử", "049190004321", "0905111222", null, null);

    /// <summary>
    /// Takes <paramref name="count"/> dossiers through all six transitions, <paramref name="parallel"/> at a time, filed by
    /// <paramref name="applicant"/> (<see cref="Applicant"/> unless said); returns the elapsed time.
    /// </summary>
    public static async Task<TimeSpan> ProcessAsync(IGrainFactory grains, string procedureCode, int count, int parallel, string run, Measure.ProgressLine? progress = null,
        Applicant? applicant = null)
    {
        var request = new SubmissionRequest(procedureCode, Unit, FilingChannel.Direct, applicant ?? Applicant, [new DocumentItem("Tờ khai", 1)], null);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var submitted = await grains.Reference<ISubmissionGrain>(GrainKeys.Submission(Officer.Subject, $"{run}-{i}")).SubmitAsync(Officer, request);
            var dossier = grains.Reference<IDossierGrain>(submitted.Result.Dossier?.Code ?? throw new InvalidOperationException(submitted.Result.Rejection?.Detail));
            foreach (var step in new Func<Task<DossierResult>>[]
            {
                () => dossier.ReceiveAsync(new ActorContext(Officer)),
                () => dossier.TransferAsync(new ActorContext(Officer)),
                () => dossier.AppraiseAsync(new ActorContext(Specialist), AppraisalOutcome.Eligible, null),
                () => dossier.ApproveAsync(new ActorContext(Leader), null),
                () => dossier.ReturnAsync(new ActorContext(Officer), ReturnMethod.Counter),
            })
            {
                if ((await step()).Rejection is { } rejection)
                {
                    throw new InvalidOperationException(rejection.Detail);
                }
            }

            progress?.Add(TransitionsPerDossier);
        });
        return clock.Elapsed;
    }

    /// <summary>Submits and receives <paramref name="count"/> dossiers, <paramref name="parallel"/> at a time; returns the elapsed time.</summary>
    public static async Task<TimeSpan> RegisterAsync(IGrainFactory grains, string procedureCode, int count, int parallel, string run)
    {
        var request = new SubmissionRequest(procedureCode, Unit, FilingChannel.Direct, Applicant, [new DocumentItem("Tờ khai", 1)], null);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var submitted = await grains.Reference<ISubmissionGrain>(GrainKeys.Submission(Officer.Subject, $"{run}-{i}")).SubmitAsync(Officer, request);
            var code = submitted.Result.Dossier?.Code ?? throw new InvalidOperationException(submitted.Result.Rejection?.Detail);
            var received = await grains.Reference<IDossierGrain>(code).ReceiveAsync(new ActorContext(Officer));
            if (received.Rejection is { } rejection)
            {
                throw new InvalidOperationException(rejection.Detail);
            }
        });
        return clock.Elapsed;
    }
}
