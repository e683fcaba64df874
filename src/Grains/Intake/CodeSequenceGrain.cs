using Orleans.Concurrency;
using Orleans.Storage;

namespace HccOrleans.Grains.Intake;

[GenerateSerializer, Alias("hcc.CodeSequenceState")]
public sealed record CodeSequenceState
{
    [Id(0)] public int Last { get; init; }
}

/// <summary>
/// Hands out a unit's daily sequence numbers. Reentrant with group commit: numbers issued while a write
/// is in flight are covered by the next single write, so a burst of submissions costs a few writes,
/// not one each. A number is returned only after a write that covers it succeeded; a failed write
/// leaves gaps, never reuse. A write refused because another activation wrote first (two activations for a moment
/// while a silo hands its grains over) re-reads the sequence and issues the waiting numbers above it.
/// </summary>
[GrainType("code-sequence"), Reentrant]
public sealed class CodeSequenceGrain(
    [PersistentState("code-sequence", "hcc")] IPersistentState<CodeSequenceState> state) : Grain, ICodeSequenceGrain
{
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
                    if (_flush is null || _flush.IsCompleted)
                    {
                        _flush = FlushAsync();
                    }

                    await _flush;
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

    private async Task RebaseAsync()
    {
        await state.ReadStateAsync();
        _issued = _persisted = state.State.Last;
        _flush = null;
    }

    private async Task FlushAsync()
    {
        var target = _issued;
        state.State = new CodeSequenceState { Last = target };
        await state.WriteStateAsync();
        _persisted = Math.Max(_persisted, target);
    }
}
