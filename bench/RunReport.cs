using System.Globalization;

namespace CopLive.Bench;

/// <summary>The figures of a run, as the Markdown table rows BENCHMARKS.md records.</summary>
internal static class RunReport
{
    /// <param name="window">The measured window.</param>
    /// <param name="ack">Acknowledgement latencies in the window.</param>
    /// <param name="delivery">Latencies from a submit to a watcher's receipt, or null when nobody watched.</param>
    /// <param name="whole">The server's CPU time and acknowledged ops over the whole run, start-up included.</param>
    /// <param name="server">The server, for its peak memory.</param>
    /// <param name="check">What the end-of-run check asserts, and whether it held.</param>
    public static void Print(WindowFigures window, LatencyRecorder ack, LatencyRecorder? delivery, (TimeSpan Cpu, long Ops) whole,
        ServerProcess server, (string Name, bool Held) check)
    {
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var rows = new (string, string)[]
        {
            ("ops acknowledged/s (measured window)", F(window.OpsPerSecond, "F0")),
            ("ack latency p50 / p95 / p99 ms", $"{F(ack.Percentile(50), "F2")} / {F(ack.Percentile(95), "F2")} / {F(ack.Percentile(99), "F2")}"),
            ("remote delivery p50 / p99 ms", delivery is null ? "–" : $"{F(delivery.Percentile(50), "F2")} / {F(delivery.Percentile(99), "F2")}"),
            ("server CPU per acknowledged op, steady state (µs)", F(window.CpuMicrosecondsPerOp, "F0")),
            ("server CPU s per 1,000 ops, steady state", F(window.CpuMicrosecondsPerOp / 1_000, "F3")),
            ("warm-up until the server's JIT was quiet (s)", F(window.WarmedUp.TotalSeconds, "F0")),
            ("server CPU per op, whole run incl. start-up and warm-up (µs)", F(whole.Cpu.TotalMicroseconds / Math.Max(1, whole.Ops), "F0")),
            ("server peak RSS MB", F(server.PeakRssMegabytes(), "F0")),
            (check.Name, check.Held ? "yes" : "NO"),
        };
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"| {name} | {value} |");
        }
    }
}
