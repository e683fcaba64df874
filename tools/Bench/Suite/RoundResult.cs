namespace HccOrleans.Bench.Suite;

/// <summary>One round of one contender: its rate, how long it ran, PostgreSQL commits and server CPU per operation.</summary>
internal sealed record RoundResult(double Rate, TimeSpan Elapsed, double CommitsPerOperation = double.NaN, double ServerMicrosecondsPerOperation = double.NaN)
{
    /// <summary>The median of the rounds' rates (the machine is shared and noisy: one slow round moves nothing).</summary>
    public static double Median(IEnumerable<RoundResult> rounds)
    {
        var rates = rounds.Select(r => r.Rate).Order().ToArray();
        return rates.Length == 0 ? double.NaN : rates.Length % 2 == 1 ? rates[rates.Length / 2] : (rates[rates.Length / 2 - 1] + rates[rates.Length / 2]) / 2;
    }
}
