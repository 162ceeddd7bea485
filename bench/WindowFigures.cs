namespace CopLive.Bench;

/// <summary>What the server did in the measured window.</summary>
/// <param name="Ops">Ops acknowledged in the window.</param>
/// <param name="ServerCpu">The server's user + system CPU time in the window.</param>
/// <param name="Elapsed">The window's length.</param>
/// <param name="WarmedUp">How long the warm-up before it took.</param>
internal sealed record WindowFigures(long Ops, TimeSpan ServerCpu, TimeSpan Elapsed, TimeSpan WarmedUp)
{
    public double OpsPerSecond => Ops / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerOp => ServerCpu.TotalMicroseconds / Math.Max(1, Ops);
}
