using System.Globalization;

namespace CopLive.Bench;

/// <summary>Command line of the benchmark.</summary>
internal sealed record BenchOptions(
    int Documents, int Editors, int Watchers, double Rate, int Seconds, int Warmup, int WarmupLimit, int SteadyLength, bool Saturate, string? Server, string? Storage, string[] ServerArgs)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var separator = Array.IndexOf(args, "--");
        return new BenchOptions(
            Int("--docs", 20), Int("--editors", 5), Int("--watchers", 5),
            Value("--rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 10,
            Int("--seconds", 20), Int("--warmup", 5), Int("--warmup-limit", 120), Int("--steady-length", 0), args.Contains("--saturate"),
            Value("--server"), Value("--storage"),
            separator >= 0 ? args[(separator + 1)..] : []);
    }
}
