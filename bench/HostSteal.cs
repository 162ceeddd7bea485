namespace CopLive.Bench;

/// <summary>
/// CPU time the hypervisor gave to other guests while this machine's vCPUs wanted to run (<c>steal</c> in
/// <c>/proc/stat</c>). On a shared host it moves the figures of identical runs by more than most changes do, so a
/// report carries it beside them.
/// </summary>
internal static class HostSteal
{
    private const double TicksPerSecond = 100; // USER_HZ

    /// <summary>Steal time of all CPUs since boot.</summary>
    public static TimeSpan Total()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromSeconds(long.Parse(fields[8]) / TicksPerSecond);
    }
}
