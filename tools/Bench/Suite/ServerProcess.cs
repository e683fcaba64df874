using System.Diagnostics;
using System.Globalization;

namespace HccOrleans.Bench.Suite;

/// <summary>A silo or the API client as a process of its own, configured as an operator would (environment variables).</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly HttpClient Health = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, string name)
    {
        _process = process;
        Address = address;
        Name = name;
    }

    public Uri Address { get; }

    public string Name { get; }

    /// <summary>Starts the built assembly (src/Silo, src/Api, or this one with <paramref name="arguments"/>) and waits until it answers /health/ready.</summary>
    public static async Task<ServerProcess> StartAsync(string project, string assembly, string name, int httpPort, IReadOnlyDictionary<string, string> settings,
        params string[] arguments)
    {
        var directory = Path.GetDirectoryName(ChildProcess.Built(project, assembly))!;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add(ChildProcess.Built(project, assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(directory);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Console.Error.WriteLine($"  [{name}] {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}"), name);
        await server.WaitReadyAsync(TimeSpan.FromMinutes(5));
        return server;
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready");
            }

            try
            {
                using var response = await Health.GetAsync(new Uri(Address, "/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready in {timeout}");
    }

    /// <summary>Stops it as an operator does (SIGTERM: leave the cluster, hand the grains over), killing it if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
