using System.Net.Sockets;

namespace HccOrleans.Tests.Support;

internal static class FreePorts
{
    // Below Linux's ephemeral range (32768–60999): a port the kernel hands out for listening on port 0 is also one it
    // hands to outgoing connections, and one of the suite's many (Npgsql, HTTP) took it before a silo bound it. Ports
    // here are never given to outgoing connections; each is handed out once per run.
    private const int First = 20_000;
    private const int Count = 12_000;
    private static readonly HashSet<int> Given = [];

    /// <summary>A loopback TCP port that nothing listens on right now, outside the range outgoing connections use.</summary>
    public static int Next()
    {
        lock (Given)
        {
            for (var tried = 0; tried < Count; tried++)
            {
                var port = First + Random.Shared.Next(Count);
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port in {First}–{First + Count - 1}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
