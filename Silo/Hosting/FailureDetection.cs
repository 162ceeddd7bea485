using Orleans.Configuration;

namespace CopLive.Silo.Hosting;

/// <summary>
/// How fast a multi-silo cluster notices a lost silo and moves on. Orleans' defaults suit a wide-area cloud (a silo
/// silent for about half a minute is declared dead, a call waits 30 s); CopLive runs on one school district's LAN,
/// where a silo that misses two 2-second probes is gone, so its grains come back elsewhere within seconds
/// (measured in bench/BENCHMARKS.md; docs/operations.md says what each failure does).
/// </summary>
public static class FailureDetection
{
    /// <summary>How long one silo waits for another's answer to a liveness probe.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Probes a silo may miss before its peers vote it dead.</summary>
    public const int MissedProbes = 2;

    /// <summary>How long a gateway's grain call waits before it is answered <c>Unavailable</c> (clients retry).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often a gateway in client mode rereads which silos accept clients (so it knows a new silo before another is lost).</summary>
    public static readonly TimeSpan GatewayListRefresh = TimeSpan.FromSeconds(5);

    /// <summary>Sets a silo's membership for the LAN.</summary>
    public static void Configure(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbes;
    }
}
