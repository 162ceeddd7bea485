using System.Net.WebSockets;
using System.Text;

namespace CopLive.Bench.Floor;

/// <summary>
/// A raw WebSocket connection to the relay. The relay echoes a sender's own message back as its acknowledgement, so
/// messages that start with this client's name complete the send in flight and the rest are the group's stream.
/// </summary>
internal sealed class WebSocketRelayClient : IRelayClient
{
    private readonly ClientWebSocket _socket = new();
    private readonly string? _client;
    private readonly Action<string> _onMessage;
    private TaskCompletionSource? _pending;

    private WebSocketRelayClient(string? client, Action<string> onMessage)
    {
        _client = client;
        _onMessage = onMessage;
    }

    /// <param name="server">The relay's address.</param>
    /// <param name="group">The group (document) the connection joins.</param>
    /// <param name="client">The sender's name that prefixes its messages; null for a connection that only receives.</param>
    /// <param name="onMessage">Called with every message of the group's other connections.</param>
    public static async Task<IRelayClient> ConnectAsync(Uri server, int group, string? client, Action<string> onMessage)
    {
        var relay = new WebSocketRelayClient(client, onMessage);
        await relay._socket.ConnectAsync(new Uri($"ws://{server.Authority}/relay/{group}"), CancellationToken.None);
        _ = relay.ReceiveAsync();
        return relay;
    }

    public async Task SendAsync(string message)
    {
        var ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pending, ack);
        await _socket.SendAsync(Encoding.ASCII.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        await ack.Task;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (await WebSocketMessages.ReceiveAsync(_socket, buffer, CancellationToken.None) is { } length)
            {
                var message = Encoding.ASCII.GetString(buffer, 0, length);
                if (_client is not null && message.StartsWith(_client + ":", StringComparison.Ordinal))
                {
                    Volatile.Read(ref _pending)?.TrySetResult();
                }
                else
                {
                    _onMessage(message);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The run is over and its sockets aborted.
        }
    }
}
