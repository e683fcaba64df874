using MimeKit;

namespace HccOrleans.Tests.Support;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (python3-aiosmtpd, installed by .ci/run) on a port of its own, writing each
/// message it accepts into a Maildir that the test reads back. Stop and start it to play an outage.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly string _maildir = Path.Combine(Path.GetTempPath(), $"hcc-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public static async Task<SmtpServer> StartedAsync()
    {
        var server = new SmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-u", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        await Waits.UntilAsync(Listening, TimeSpan.FromSeconds(20),
            () => _process.HasExited ? $"aiosmtpd exited: {_process.StandardError.ReadToEnd()} (is python3-aiosmtpd installed?)" : $"nothing listening on {Port}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date)]
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }

    private bool Listening()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException) when (_process is not { HasExited: true })
        {
            return false;
        }
    }
}
