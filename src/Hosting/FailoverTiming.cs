using Orleans.Configuration;

namespace HccOrleans.Hosting;

/// <summary>
/// How fast the cluster gives up on a dead silo, so that no HTTP request waits more than 10 s (see README, "Operate"):
/// <list type="bullet">
/// <item>A grain call is answered within <see cref="ResponseTimeout"/> (Orleans' default is 30 s): a silo that died
/// under a call ends in a timeout, which the API answers as 503 with Retry-After.</item>
/// <item>A silo that misses <see cref="MissedProbes"/> probes of <see cref="ProbeTimeout"/> each is declared dead
/// (Orleans' default is 3 × 5 s): about 6 s after a SIGKILL its calls in flight fail at once and its dossiers
/// activate on the survivors. With two silos one vote suffices (Orleans asks at most half the active silos). Three
/// misses rather than two leave a margin for a starved machine, where a live silo can miss a probe.</item>
/// </list>
/// </summary>
public static class FailoverTiming
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public const int MissedProbes = 3;

    public static void Configure(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = ProbeTimeout;
        membership.NumMissedProbesLimit = MissedProbes;
    }
}
