using System.Diagnostics;
using System.Globalization;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// Another program of the suite in its own process (a peer, the HTTP load, a silo): its progress lines pass through,
/// and its last "result key=value ..." line is what it measured. A caller may watch its other output lines as they come
/// (a peer says when its measured round starts).
/// </summary>
internal static class ChildProcess
{
    public static async Task<IReadOnlyDictionary<string, double>> RunAsync(
        string assembly, IEnumerable<string> arguments, string label, TimeSpan timeout, Action<string>? watch = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string? result = null;
        var output = new List<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not { } text)
            {
                return;
            }

            lock (output)
            {
                output.Add(text);
            }

            if (text.StartsWith("result ", StringComparison.Ordinal))
            {
                result = text;
            }

            watch?.Invoke(text);
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Console.Error.WriteLine($"  [{label}] {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{label} ran longer than {timeout}");
        }

        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{label} exited with {process.ExitCode}: {string.Join(Environment.NewLine, output.TakeLast(20))}");
        }

        return Parse(result);
    }

    public static IReadOnlyDictionary<string, double> Parse(string result) =>
        result["result ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The repository this program was built in (tools/Bench/bin/...): where the peers and the silo are built.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HccOrleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the suite from a build inside the repository");
    }

    public static string Built(string project, string assembly) =>
        Path.Combine(RepositoryRoot(), project, "bin", "Release", "net10.0", assembly + ".dll");
}
