using Orleans.Concurrency;

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
/// leaves gaps, never reuse.
/// </summary>
[GrainType("code-sequence"), Reentrant]
public sealed class CodeSequenceGrain(
    [PersistentState("code-sequence", "hcc")] IPersistentState<CodeSequenceState> state) : Grain, ICodeSequenceGrain
{
    private int _issued;
    private int _persisted;
    private Task? _flush;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _issued = _persisted = state.State.Last;
        return Task.CompletedTask;
    }

    public async Task<int> NextAsync()
    {
        var number = ++_issued;
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

    private async Task FlushAsync()
    {
        var target = _issued;
        state.State = new CodeSequenceState { Last = target };
        await state.WriteStateAsync();
        _persisted = Math.Max(_persisted, target);
    }
}
