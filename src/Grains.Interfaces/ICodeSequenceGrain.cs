namespace HccOrleans.Grains.Interfaces;

/// <summary>The daily sequence of one receiving unit; numbers are never reused.</summary>
[Alias("hcc.ICodeSequenceGrain")]
public interface ICodeSequenceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the next number, 1-based, once it is durably recorded. Safe to repeat when a silo leaves mid-call: a
    /// repeat draws another number and leaves a gap, never a number twice.
    /// </summary>
    [RepeatSafe, Alias("Next")] Task<int> NextAsync();
}
