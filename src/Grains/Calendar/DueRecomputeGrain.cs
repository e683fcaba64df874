using HccOrleans.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HccOrleans.Grains.Calendar;

[GenerateSerializer, Alias("hcc.DueRecomputeState")]
public sealed record DueRecomputeState
{
    [Id(0)] public CalendarChange? Change { get; init; }
    [Id(1)] public string[] Dossiers { get; init; } = [];
    [Id(2)] public DueRecomputeProgress? Progress { get; init; }
}

/// <summary>
/// Moves the open dossiers of one calendar change through their grains, <see cref="BatchSize"/> at a time on a
/// grain timer, storing its progress after every batch. A reminder brings it back after a silo's loss, and it goes
/// on from the last stored batch; a dossier taken twice moves once (<see cref="IDossierGrain.RecomputeDueAsync"/>).
/// </summary>
[GrainType("due-recompute")]
public sealed partial class DueRecomputeGrain(
    [PersistentState("due-recompute", "hcc")] IPersistentState<DueRecomputeState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<DueRecomputeGrain> logger) : Grain, IDueRecomputeGrain, IRemindable
{
    public const int BatchSize = 32;
    private const string Reminder = "recompute";

    private IGrainTimer? _timer;
    private TaskCompletionSource<DueRecomputeProgress>? _finished;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Progress is { Running: true })
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public async Task<DueRecomputeProgress> StartAsync(CalendarChange change, string[] dossiers)
    {
        if (state.State.Progress is { Running: true } running)
        {
            return running;
        }

        var distinct = dossiers.Distinct(StringComparer.Ordinal).ToArray();
        var progress = new DueRecomputeProgress(change.Id, change.Year, distinct.Length, 0, 0, 0, [], clock.GetUtcNow(), null);
        await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        state.State = new DueRecomputeState { Change = change, Dossiers = distinct, Progress = progress };
        await state.WriteStateAsync();
        LogStarted(logger, change.Year, change.Id, distinct.Length);
        StartTimer();
        return progress;
    }

    public Task<DueRecomputeProgress?> ProgressAsync() => Task.FromResult(state.State.Progress);

    public async Task<DueRecomputeProgress?> FinishedAsync() => state.State.Progress is { Running: true }
        ? await (_finished ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task
        : state.State.Progress;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Progress is { Running: true })
        {
            StartTimer();
        }
        else
        {
            await ForgetReminderAsync(CancellationToken.None);
        }
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(NextBatchAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(50)) { KeepAlive = true });

    private async Task NextBatchAsync(CancellationToken cancellation)
    {
        if (state.State is not { Change: { } change, Progress: { Running: true } progress })
        {
            return;
        }

        var batch = state.State.Dossiers.Skip(progress.Done).Take(BatchSize).ToArray();
        var outcomes = await Task.WhenAll(batch.Select(async code =>
        {
            try
            {
                return (code, Moved: (bool?)await GrainFactory.Reference<IDossierGrain>(code).RecomputeDueAsync(change));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, code, change.Id);
                return (code, Moved: (bool?)null);
            }
        }));

        var done = progress.Done + batch.Length;
        progress = progress with
        {
            Done = done,
            Moved = progress.Moved + outcomes.Count(o => o.Moved == true),
            Unchanged = progress.Unchanged + outcomes.Count(o => o.Moved == false),
            Failed = [.. progress.Failed, .. outcomes.Where(o => o.Moved is null).Select(o => o.code)],
            FinishedAt = done >= state.State.Dossiers.Length ? clock.GetUtcNow() : null,
        };
        state.State = state.State with { Progress = progress };
        await state.WriteStateAsync(cancellation);
        if (!progress.Running)
        {
            LogFinished(logger, change.Year, change.Id, progress.Moved, progress.Unchanged, progress.Failed.Length);
            _timer?.Dispose();
            _timer = null;
            _finished?.TrySetResult(progress);
            _finished = null;
            await ForgetReminderAsync(cancellation);
        }
    }

    private async Task ForgetReminderAsync(CancellationToken cancellation)
    {
        if (await this.GetReminder(Reminder, cancellation) is { } reminder)
        {
            await this.UnregisterReminder(reminder, cancellation);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Year} changed ({ChangeId}): moving the due dates of {Count} open dossiers")]
    private static partial void LogStarted(ILogger logger, int year, string changeId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Year} ({ChangeId}): {Moved} dossiers moved, {Unchanged} unchanged, {Failed} failed")]
    private static partial void LogFinished(ILogger logger, int year, string changeId, int moved, int unchanged, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier {Code} could not take calendar change {ChangeId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string code, string changeId);
}
