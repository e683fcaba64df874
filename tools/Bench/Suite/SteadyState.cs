namespace HccOrleans.Bench.Suite;

/// <summary>
/// Warm-up until the rate settles. On two cores the tiered JIT recompiles thousands of hot methods in the background
/// for tens of seconds (dotnet-counters: 2-3 s of JIT in every 5 s), so one fixed warm-up round is not enough:
/// rounds are repeated until one is within 5 % of the one before, at most <see cref="MaxRounds"/>.
/// </summary>
internal static class SteadyState
{
    public const int MaxRounds = 6;
    private const double Tolerance = 0.05;

    public static async Task WarmUpAsync(string label, Func<Task<double>> round)
    {
        double? previous = null;
        for (var number = 1; number <= MaxRounds; number++)
        {
            var rate = await round();
            Console.Error.WriteLine($"  {label} warm-up round {number}: {rate:N0}/s");
            if (previous is { } before && Math.Abs(rate - before) <= Tolerance * before)
            {
                return;
            }

            previous = rate;
        }
    }
}
