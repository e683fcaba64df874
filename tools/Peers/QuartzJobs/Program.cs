using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

// A peer for the deadline-drain benchmark (docs/benchmarks.md): Quartz.NET with its ADO.NET job store on the same
// PostgreSQL fires N one-shot jobs due at one instant, each firing counted inside the job. Two configurations:
//   default  Quartz's own: 10 pool threads, one trigger acquired at a time;
//   tuned    for a burst, as its tuning guide suggests: 50 pool threads, triggers acquired 50 at a time, up to a second
//            ahead of their time.
//   HccOrleans.Peers.QuartzJobs <connection string> <jobs> [default|tuned]
// Prints "result jobs=<n> scheduled_per_second=<s> drain_seconds=<d> rate=<per second> p50=<s> p99=<s>".
if (args.Length is < 2 or > 3 || (args.Length == 3 && args[2] is not ("default" or "tuned")))
{
    Console.Error.WriteLine("usage: HccOrleans.Peers.QuartzJobs <connection string> <jobs> [default|tuned]");
    return 2;
}

var connectionString = args[0];
var jobs = int.Parse(args[1], CultureInfo.InvariantCulture);
var tuned = args.Length == 3 && args[2] == "tuned";

var services = new ServiceCollection();
services.AddQuartz(quartz =>
{
    if (tuned)
    {
        quartz.UseDefaultThreadPool(50);
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.MaxBatchSize = 50;
            scheduler.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromSeconds(1);
        });
    }
    else
    {
        quartz.UseDefaultThreadPool();
    }

    quartz.UsePersistentStore(store =>
    {
        store.UsePostgres(connectionString);
        store.UseSystemTextJsonSerializer(_ => { });
        store.ProvisionSchema();
    });
});
await using var provider = services.BuildServiceProvider();
var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();

// Due at one whole second after every job is stored: how long storing takes is measured first on a calibration
// chunk (stored far in the future, then deleted), so that the run neither waits idle nor starts before it is loaded.
const int Chunk = 500;
var calibration = Stopwatch.StartNew();
var calibrationJobs = Jobs("calibration", 0, Chunk, DateTimeOffset.UtcNow.AddHours(1));
await scheduler.ScheduleJobs(calibrationJobs, ScheduleJobOptions.Replacing);
var storedPerSecond = Chunk / calibration.Elapsed.TotalSeconds;
await scheduler.DeleteJobs([.. calibrationJobs.Keys.Select(job => job.Key)]);

var scheduling = Stopwatch.StartNew();
// Three times the calibrated time: the table grows while it is loaded and the machine is shared.
var due = DateTimeOffset.UtcNow.AddSeconds(10 + jobs / storedPerSecond * 3);
due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, due.Second, TimeSpan.Zero).AddSeconds(1);
for (var first = 0; first < jobs; first += Chunk)
{
    await scheduler.ScheduleJobs(Jobs("deadline", first, Math.Min(jobs, first + Chunk), due), ScheduleJobOptions.Replacing);
}

var scheduled = scheduling.Elapsed.TotalSeconds;
if (DateTimeOffset.UtcNow >= due)
{
    Console.Error.WriteLine("scheduling took past the due instant; use fewer jobs");
    return 1;
}

await scheduler.Start();
var deadline = Stopwatch.StartNew();
while (DeadlineJob.Fired.Count < jobs && deadline.Elapsed < TimeSpan.FromMinutes(15))
{
    await Task.Delay(1000);
    Console.Error.WriteLine($"quartz: {DeadlineJob.Fired.Count:N0}/{jobs:N0} fired");
}

await scheduler.Shutdown(waitForJobsToComplete: false);
var lateness = DeadlineJob.Fired.Select(f => (f - due).TotalSeconds).Order().ToArray();
var drain = lateness[^1];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"result jobs={lateness.Length} scheduled_per_second={jobs / scheduled:F1} drain_seconds={drain:F3} rate={lateness.Length / drain:F1} p50={lateness[lateness.Length / 2]:F3} p99={lateness[(int)(lateness.Length * 0.99)]:F3}"));
return lateness.Length == jobs ? 0 : 1;

static Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> Jobs(string prefix, int first, int end, DateTimeOffset due)
{
    var chunk = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
    for (var i = first; i < end; i++)
    {
        var job = JobBuilder.Create<DeadlineJob>().WithIdentity($"{prefix}-{i}").Build();
        chunk[job] = [TriggerBuilder.Create<DeadlineJob>(TimeProvider.System).WithIdentity($"{prefix}-due-{i}").StartAt(due).Build()];
    }

    return chunk;
}

/// <summary>The deadline: records when it fired.</summary>
internal sealed class DeadlineJob : IJob
{
    public static readonly ConcurrentBag<DateTimeOffset> Fired = [];

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        Fired.Add(DateTimeOffset.UtcNow);
        return ValueTask.CompletedTask;
    }
}

