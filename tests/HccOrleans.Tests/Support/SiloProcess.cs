namespace HccOrleans.Tests.Support;

/// <summary>
/// The engine as a real process (<c>dotnet HccOrleans.Silo.dll</c>) on PostgreSQL, so that tests can SIGKILL it.
/// Ports are fixed per instance so a restart comes back at the same addresses. With <paramref name="program"/>
/// <c>Api</c>, the API as its own process instead: an Orleans client of the cluster's silos.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, string> _environment;
    private readonly string _program;
    private Process? _process;

    public SiloProcess(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? settings = null, string program = "Silo")
    {
        _program = program;
        HttpPort = FreePorts.Next();
        _environment = new()
        {
            ["ConnectionStrings__Hcc"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{HttpPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Seed__Demo"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            // Around the clock, so that real-time deadlines of seconds behave the same at any hour.
            ["Calendar__OfficeHours"] = "00:00-24:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public int HttpPort { get; }

    /// <summary>The silo's console output, kept for failure messages.</summary>
    public string LogPath { get; } = Path.Combine(Path.GetTempPath(), $"hcc-silo-{Guid.NewGuid():N}.log");

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Assembly()}\"")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Assembly())!,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// Runs a command of the silo's program (<c>dotnet HccOrleans.Silo.dll &lt;arguments&gt;</c>) against the same database
    /// and cluster, and waits for it to end; its exit code and everything it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(string arguments, IReadOnlyDictionary<string, string> environment, TimeSpan within)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Assembly()}\" {arguments}")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Assembly())!,
        };
        foreach (var (key, value) in _environment.Concat(environment))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(within);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{arguments}' still running after {within.TotalSeconds:F0} s; it printed: {await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (cluster and PostgreSQL reachable).</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        while (deadline.Elapsed < limit)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The {_program} process exited with code {_process.ExitCode} before it was ready; it printed: {string.Join(Environment.NewLine, LogLinesAfter(0).Take(40))}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
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

            await Task.Delay(PollEvery);
        }

        throw new TimeoutException($"The silo at {BaseAddress} was not ready within {limit}.");
    }

    /// <summary>SIGTERM, then waits for the graceful shutdown to finish.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            await TerminateAsync(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>SIGTERM, and how long the process took to end (it is killed if it has not ended after <paramref name="within"/>).</summary>
    public async Task<(TimeSpan Took, int ExitCode)> TerminateAsync(TimeSpan within)
    {
        var process = _process ?? throw new InvalidOperationException("The silo was never started.");
        var clock = Stopwatch.StartNew();
        await Shell.RunAsync("kill", $"-TERM {process.Id}");
        using var limit = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return (clock.Elapsed, process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The silo was still running {within.TotalSeconds:F0} s after SIGTERM; its log is {LogPath}.");
        }
    }

    /// <summary>The lines written after the first <paramref name="skip"/>.</summary>
    public string[] LogLinesAfter(int skip)
    {
        lock (_environment)
        {
            return File.Exists(LogPath) ? [.. File.ReadLines(LogPath).Skip(skip)] : [];
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_environment)
            {
                File.AppendAllText(LogPath, line + Environment.NewLine);
            }
        }
    }

    private string Assembly()
    {
        // The program built by the same configuration as this test assembly (bin/<Configuration>/net10.0).
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(RepositoryFiles.Root, "src", _program, "bin", configuration, framework, $"HccOrleans.{_program}.dll");
    }
}
