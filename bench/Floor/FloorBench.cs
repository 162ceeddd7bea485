using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace CopLive.Bench.Floor;

/// <summary>
/// The co-editing workload against <see cref="RelayServer"/> instead of CopLive: the same documents, editors,
/// watchers, rate and measured window, with raw WebSocket messages for ops. Its CPU per op is the floor CopLive's is
/// compared with on the same machine, in the same hour (the machine's speed varies by day).
/// </summary>
internal static class FloorBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var inline = options.Floor == BenchOptions.InlineFloor;
        string[] relayArgs = inline ? [RelayServer.Switch, RelayServer.InlineSwitch] : [RelayServer.Switch];
        // Kestrel's inline scheduling only pays with socket completions run inline too.
        var environment = inline ? new Dictionary<string, string> { ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1" } : null;
        await using var server = await ServerProcess.StartAsync(typeof(FloorBench).Assembly.Location, relayArgs, environment);
        var cpuAtStart = server.CpuTime();

        var editors = new EditorLoad(options);
        var sent = new long[options.Documents];
        var watchers = new List<(int Document, Func<long> Received)>();
        var sockets = new List<ClientWebSocket>();

        async Task<ClientWebSocket> ConnectAsync(int document, Action<string> onMessage)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://{server.Address.Authority}/relay/{document}"), CancellationToken.None);
            sockets.Add(socket);
            _ = ReceiveAsync(socket, onMessage);
            return socket;
        }

        for (var d = 0; d < options.Documents; d++)
        {
            for (var w = 0; w < options.Watchers; w++)
            {
                long received = 0;
                await ConnectAsync(d, message =>
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
                TaskCompletionSource? pending = null;
                // The relay echoes an editor's own message back as its acknowledgement; the others' are its stream.
                var socket = await ConnectAsync(d, message =>
                {
                    if (message.StartsWith(client + ":", StringComparison.Ordinal))
                    {
                        Volatile.Read(ref pending)?.TrySetResult();
                    }
                });
                var random = new Random(d * 1_000 + e);
                editors.Start(client, random, async seq =>
                {
                    var ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Volatile.Write(ref pending, ack);
                    var message = $"{client}:{seq}:{random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture)}";
                    Interlocked.Increment(ref sent[document]);
                    await socket.SendAsync(Encoding.ASCII.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    await ack.Task;
                });
            }
        }

        Console.WriteLine($"floor: raw WebSocket relay ({(inline ? "inline" : "default")} scheduling); {options.Documents} documents x {options.Editors} editors + " +
                          $"{options.Watchers} watchers = {sockets.Count} connections; " +
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
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }
        return complete ? 0 : 1;
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, Action<string> onMessage)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += received.Count;
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                onMessage(Encoding.ASCII.GetString(buffer, 0, length));
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The run is over and its sockets aborted.
        }
    }
}
