namespace HccOrleans.Bench.Suite;

/// <summary>
/// One round of one contender: its rate, how long it ran, PostgreSQL commits and server CPU per operation, and the CPU
/// per operation of the process that ran it (for the engine: the silo with its callers).
/// </summary>
internal sealed record RoundResult(
    double Rate, TimeSpan Elapsed, double CommitsPerOperation = double.NaN, double ServerMicrosecondsPerOperation = double.NaN,
    double ProcessMicrosecondsPerOperation = double.NaN)
{
    /// <summary>The median of the rounds' rates (the machine is shared and noisy: one slow round moves nothing).</summary>
    public static double Median(IEnumerable<RoundResult> rounds) => Median(rounds.Select(r => r.Rate));

    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN for none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
