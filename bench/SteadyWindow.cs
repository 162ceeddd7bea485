namespace CopLive.Bench;

/// <summary>
/// The measured part of a run: warm up for at least <c>--warmup</c> seconds, then until the server's JIT has gone
/// quiet (under 2 % of a core over the last 2 s, at most <c>--warmup-limit</c> seconds), then load the server for
/// <c>--seconds</c>. Tiered recompilation of hot code can take a minute on two busy cores, and measuring before it
/// ends would count compilation, not the server's work per op.
/// </summary>
internal static class SteadyWindow
{
    /// <param name="server">The process measured.</param>
    /// <param name="options">Warm-up and window lengths.</param>
    /// <param name="acknowledged">The number of ops acknowledged so far.</param>
    /// <param name="measuring">Told when the window opens (true) and closes (false), to record latencies only inside it.</param>
    public static async Task<WindowFigures> MeasureAsync(ServerProcess server, BenchOptions options, Func<long> acknowledged, Action<bool> measuring)
    {
        var warming = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
        for (var jit = server.JitCpuTime(); warming.Elapsed < TimeSpan.FromSeconds(options.WarmupLimit);)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = server.JitCpuTime();
            if (now - jit < TimeSpan.FromSeconds(2 * 0.02))
            {
                break;
            }
            jit = now;
        }
        var warmedUp = warming.Elapsed;
        measuring(true);
        var cpu = server.CpuTime();
        var ops = acknowledged();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        var figures = new WindowFigures(acknowledged() - ops, server.CpuTime() - cpu, clock.Elapsed, warmedUp);
        measuring(false);
        return figures;
    }
}
