namespace HccOrleans.Tests.Support;

/// <summary>
/// The counts the fault and load tests print (acknowledged transitions, retries, slowest request…): to the test's own
/// output, and to one file of the run that <c>.ci/run</c> prints after the suite, since a passing test's output is
/// shown only at detailed verbosity.
/// </summary>
public static class RunReport
{
    private static readonly Lock Gate = new();
    private static bool _started;

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "run-report.txt");

    public static void Write(ITestOutputHelper output, string test, string line)
    {
        output.WriteLine(line);
        lock (Gate)
        {
            if (!_started)
            {
                File.WriteAllText(FilePath, "");
                _started = true;
            }

            File.AppendAllText(FilePath, $"{test}: {line}{Environment.NewLine}");
        }
    }
}
