using Orleans.Concurrency;
using Orleans.Storage;

namespace HccOrleans.Grains.Intake;

[GenerateSerializer, Alias("hcc.CodeSequenceState")]
public sealed record CodeSequenceState
{
    /// <summary>The highest number that may have been issued: none at or below it is issued again.</summary>
    [Id(0)] public int Last { get; init; }
}

/// <summary>
/// Hands out a unit's daily sequence numbers from a few reserved ahead by one write, so that a receipt or a submission
/// rarely waits for a write of its own: the next reservation is written while the last numbers of the current one are
/// handed out. Reentrant: numbers asked for while a write is in flight are covered by the next single write. A number
/// is returned only after a write that covers it succeeded, so none is ever reused. An activation that ends gives back
/// what it reserved and did not issue; a silo that dies leaves at most <see cref="Reserve"/> numbers unissued, a gap.
/// A write refused because another activation wrote first (two activations for a moment while a silo hands its grains
/// over) re-reads the sequence and issues the waiting numbers above it.
/// </summary>
[GrainType("code-sequence"), Reentrant]
public sealed class CodeSequenceGrain(
    [PersistentState("code-sequence", "hcc")] IPersistentState<CodeSequenceState> state) : Grain, ICodeSequenceGrain
{
    /// <summary>Numbers one write reserves beyond those already asked for.</summary>
    public const int Reserve = 8;

    // Rebase attempts per call: a hand-off between silos leaves two activations for a moment, not for long.
    private const int Rebases = 3;

    private int _issued;
    private int _persisted;
    private int _generation;
    private Task? _flush;
    private Task? _rebase;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _issued = _persisted = state.State.Last;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_flush is { } flushing)
        {
            // Failed or not, it is over: the give-back below writes against the version last read or stored.
            await flushing.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_issued < _persisted)
        {
            try
            {
                state.State = new CodeSequenceState { Last = _issued };
                await state.WriteStateAsync(cancellationToken);
            }
            catch (InconsistentStateException)
            {
                // Another activation has written the sequence since: it issues above what it stored, never below.
            }
        }
    }

    public async Task<int> NextAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            if (_rebase is { IsCompleted: false } rebasing)
            {
                await rebasing;
            }

            var generation = _generation;
            var number = ++_issued;
            try
            {
                while (_persisted < number)
                {
                    await Flush();
                }

                if (_persisted - _issued < Reserve / 2 && _flush is null or { IsCompleted: true })
                {
                    // The next reservation, written while the rest of this one is handed out; a failure is met again by
                    // the caller that needs it.
                    _ = Flush().ContinueWith(static written => _ = written.Exception, TaskContinuationOptions.OnlyOnFaulted);
                }

                return number;
            }
            catch (InconsistentStateException) when (attempt < Rebases)
            {
                // Another activation of this sequence wrote it (a hand-off between silos): carry on above what it
                // stored. One caller re-reads for all whose numbers the failed write covered; none was handed out.
                if (generation == _generation)
                {
                    _generation++;
                    _rebase = RebaseAsync();
                }

                await _rebase!;
            }
        }
    }

    private Task Flush()
    {
        if (_flush is null || _flush.IsCompleted)
        {
            _flush = FlushAsync();
        }

        return _flush;
    }

    private async Task RebaseAsync()
    {
        await state.ReadStateAsync();
        _issued = _persisted = state.State.Last;
        _flush = null;
    }

    private async Task FlushAsync()
    {
        var target = _issued + Reserve;
        state.State = new CodeSequenceState { Last = target };
        await state.WriteStateAsync();
        _persisted = Math.Max(_persisted, target);
    }
}
