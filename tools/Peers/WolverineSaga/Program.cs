using System.Diagnostics;
using System.Globalization;
using HccOrleans.Peers.WolverineSaga;
using JasperFx.Resources;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten;

// A peer for the transition benchmark (docs/benchmarks.md): a Wolverine + Marten saga on the same PostgreSQL, driven
// by N concurrent callers that each invoke one case's four transitions in turn, every one durable before it returns.
//   HccOrleans.Peers.WolverineSaga <connection string> <cases> <concurrent callers> [warm-up cases, default 1,000]
// Prints "measuring" as the measured round starts (the suite reads PostgreSQL's CPU then), and at its end
// "result transitions=<n> seconds=<s> rate=<per second> cpu=<this process's CPU a transition, µs>".
if (args.Length is not (3 or 4))
{
    Console.Error.WriteLine("usage: HccOrleans.Peers.WolverineSaga <connection string> <cases> <concurrent callers> [warm-up cases]");
    return 2;
}

var connectionString = args[0];
var cases = int.Parse(args[1], CultureInfo.InvariantCulture);
var callers = int.Parse(args[2], CultureInfo.InvariantCulture);
var warmUp = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000;

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMarten(o =>
{
    o.Connection(connectionString);
    o.DatabaseSchemaName = "peer_saga";
}).IntegrateWithWolverine();
builder.Services.AddResourceSetupOnStartup();
builder.UseWolverine(o =>
{
    o.Policies.UseDurableLocalQueues();
    o.Policies.AutoApplyTransactions();
});

using var host = builder.Build();
await host.StartAsync();
var bus = host.Services.GetRequiredService<IMessageBus>();

// Warm-up, not counted: code generation, the first connections, and the tiered JIT, which on two cores takes
// several rounds to settle; rounds of the given size until one is within 5 % of the one before (at most 6).
double? previous = null;
for (var round = 1; round <= 6; round++)
{
    var warming = Stopwatch.StartNew();
    await RunAsync(bus, warmUp, callers);
    var rate = warmUp * 4 / warming.Elapsed.TotalSeconds;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up round {round}: {rate:F0} transitions/s"));
    if (previous is { } before && Math.Abs(rate - before) <= 0.05 * before)
    {
        break;
    }

    previous = rate;
}

Console.WriteLine("measuring");
var cpuBefore = CpuSpent();
var clock = Stopwatch.StartNew();
await RunAsync(bus, cases, callers);
var seconds = clock.Elapsed.TotalSeconds;
var cpu = (CpuSpent() - cpuBefore).TotalMicroseconds / (cases * 4);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"result transitions={cases * 4} seconds={seconds:F3} rate={cases * 4 / seconds:F1} cpu={cpu:F1}"));
await host.StopAsync();
return 0;

static TimeSpan CpuSpent()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime;
}

static Task RunAsync(IMessageBus bus, int cases, int callers) =>
    Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (_, cancellation) =>
    {
        var id = Guid.NewGuid();
        await bus.InvokeAsync(new OpenCase(id), cancellation);
        for (var step = 2; step <= 4; step++)
        {
            await bus.InvokeAsync(new AdvanceCase(id, step), cancellation);
        }
    });
