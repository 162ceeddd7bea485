using System.Globalization;

namespace CopLive.Bench;

/// <summary>
/// Command line of the benchmark. <see cref="Floor"/> is null to measure CopLive, or <see cref="InlineFloor"/>,
/// <see cref="DefaultFloor"/>, <see cref="SignalRFloor"/> or <see cref="PacedSignalRFloor"/> to measure a bare relay
/// instead (<c>--floor</c>). <see cref="ServerEnvironment"/> holds the variables set for the server's process alone
/// (<c>--server-env</c>).
/// </summary>
internal sealed record BenchOptions(
    int Documents, int Editors, int Watchers, double Rate, int Seconds, int Warmup, int WarmupLimit, int SteadyLength, bool Saturate, string? Server, string? Storage,
    string? Floor, string[] ServerArgs, IReadOnlyDictionary<string, string> ServerEnvironment)
{
    /// <summary>The relay with Kestrel's inline scheduling: the floor of <c>../shared/PERFORMANCE.md</c>.</summary>
    public const string InlineFloor = "inline";

    /// <summary>The relay with Kestrel's default scheduling.</summary>
    public const string DefaultFloor = "default";

    /// <summary>The relay over SignalR, with Kestrel's default scheduling as CopLive's gateway has.</summary>
    public const string SignalRFloor = "signalr";

    /// <summary>The SignalR relay with its sends paced as CopLive's fan-out paces a document's.</summary>
    public const string PacedSignalRFloor = "signalr-paced";

    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback) => Value(name) is not { } v ? fallback
            : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
            : throw new ArgumentException($"{name} takes a whole number of at least 0, not '{v}'.");
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var separator = Array.IndexOf(args, "--");
        var floor = Value("--floor");
        if (args.Contains("--floor") && floor is not (InlineFloor or DefaultFloor or SignalRFloor or PacedSignalRFloor))
        {
            throw new ArgumentException(
                $"--floor takes '{InlineFloor}' or '{DefaultFloor}' (a raw WebSocket relay with that Kestrel scheduling) or '{SignalRFloor}' or '{PacedSignalRFloor}' (a SignalR relay, its sends paced as CopLive's fan-out), not '{floor}'.");
        }
        return new BenchOptions(
            Int("--docs", 20), Int("--editors", 5), Int("--watchers", 5),
            Value("--rate") is not { } rate ? 10
                : double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 ? r
                : throw new ArgumentException($"--rate takes a number of ops per second above 0, not '{rate}'."),
            Int("--seconds", 20), Int("--warmup", 5), Int("--warmup-limit", 120), Int("--steady-length", 0), args.Contains("--saturate"),
            Value("--server"), Value("--storage"), floor,
            separator >= 0 ? args[(separator + 1)..] : [], ParseServerEnvironment(separator >= 0 ? args[..separator] : args));
    }

    /// <summary>The value after <paramref name="name"/>, which the mode being run cannot do without.</summary>
    public static string Required(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    /// <summary>Every <c>--server-env NAME=VALUE</c>, a later one for the same name replacing an earlier.</summary>
    private static Dictionary<string, string> ParseServerEnvironment(string[] args)
    {
        var environment = new Dictionary<string, string>();
        for (var i = Array.IndexOf(args, "--server-env"); i >= 0; i = Array.IndexOf(args, "--server-env", i + 1))
        {
            var variable = i + 1 < args.Length ? args[i + 1] : "";
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals < 1)
            {
                throw new ArgumentException($"--server-env takes NAME=VALUE (an environment variable for the server's process), not '{variable}'.");
            }
            environment[variable[..equals]] = variable[(equals + 1)..];
        }
        return environment;
    }
}
