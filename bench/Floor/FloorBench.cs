using System.Diagnostics;
using System.Globalization;

namespace CopLive.Bench.Floor;

/// <summary>
/// The co-editing workload against <see cref="RelayServer"/> instead of CopLive: the same documents, editors,
/// watchers, rate and measured window, with a short text message for each op, sent over raw WebSockets or SignalR.
/// Its CPU per op is the floor CopLive's is compared with on the same machine, in the same hour (the machine's speed
/// varies by day).
/// </summary>
internal static class FloorBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var inline = options.Floor == BenchOptions.InlineFloor;
        var paced = options.Floor == BenchOptions.PacedSignalRFloor;
        var signalR = paced || options.Floor == BenchOptions.SignalRFloor;
        string[] relayArgs = inline ? [RelayServer.Switch, RelayServer.InlineSwitch]
            : paced ? [RelayServer.Switch, RelayServer.PacedSwitch]
            : [RelayServer.Switch];
        var environment = new Dictionary<string, string>(options.ServerEnvironment);
        if (inline)
        {
            // Kestrel's inline scheduling only pays with socket completions run inline too.
            environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        }
        await using var server = await ServerProcess.StartAsync(typeof(FloorBench).Assembly.Location, relayArgs, environment);
        var cpuAtStart = server.CpuTime();

        var editors = new EditorLoad(options);
        var sent = new long[options.Documents];
        var watchers = new List<(int Document, Func<long> Received)>();
        var connections = new List<IRelayClient>();

        async Task<IRelayClient> ConnectAsync(int document, string? client, Action<string> onMessage)
        {
            var connection = signalR
                ? await SignalRRelayClient.ConnectAsync(server.Address, document, onMessage)
                : await WebSocketRelayClient.ConnectAsync(server.Address, document, client, onMessage);
            connections.Add(connection);
            return connection;
        }

        for (var d = 0; d < options.Documents; d++)
        {
            for (var w = 0; w < options.Watchers; w++)
            {
                long received = 0;
                await ConnectAsync(d, client: null, message =>
                {
                    var now = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref received);
                    var parts = message.Split(':');
                    editors.Delivered(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), now);
                });
                watchers.Add((d, () => Interlocked.Read(ref received)));
            }
        }

        for (var d = 0; d < options.Documents; d++)
        {
            for (var e = 0; e < options.Editors; e++)
            {
                var document = d;
                var client = $"d{d}e{e}";
                // An editor's copy of the others' messages is not kept: watchers check delivery.
                var connection = await ConnectAsync(d, client, _ => { });
                var random = new Random(d * 1_000 + e);
                editors.Start(client, random, seq =>
                {
                    Interlocked.Increment(ref sent[document]);
                    return connection.SendAsync($"{client}:{seq}:{random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture)}");
                });
            }
        }

        var relay = signalR
            ? $"SignalR relay ({(paced ? $"paced at {RelayPacer.Interval.TotalMilliseconds} ms" : "unpaced")}, default scheduling)"
            : $"raw WebSocket relay ({(inline ? "inline" : "default")} scheduling)";
        Console.WriteLine($"floor: {relay}; {options.Documents} documents x {options.Editors} editors + " +
                          $"{options.Watchers} watchers = {connections.Count} connections; " +
                          (options.Saturate ? "saturating (one message in flight per editor)" : $"{options.Rate} messages/s per editor, {options.Documents * options.Editors * options.Rate} offered"));
        var window = await SteadyWindow.MeasureAsync(server, options, () => editors.Acknowledged, on => editors.Measuring = on);
        await editors.StopAsync();
        var whole = (server.CpuTime() - cpuAtStart, editors.Acknowledged);

        // Every watcher must have received every message sent to its group once the relay has drained.
        var complete = true;
        foreach (var (document, received) in watchers)
        {
            var deadline = Stopwatch.StartNew();
            while (received() != Interlocked.Read(ref sent[document]) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
            complete &= received() == Interlocked.Read(ref sent[document]);
        }

        RunReport.Print(window, editors.AckLatency, options.Watchers == 0 ? null : editors.DeliveryLatency, whole, server, ("watchers received every message", complete));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        return complete ? 0 : 1;
    }
}
