using System.Net.WebSockets;

namespace CopLive.Bench.Floor;

/// <summary>One relay connection: receives messages and relays each to its group.</summary>
internal sealed class RelayMember(WebSocket socket)
{
    // A WebSocket takes one send at a time; messages to one member come from every other member's receive loop.
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>Relays every message received to the sender (as its acknowledgement) and to the group's others.</summary>
    public async Task RelayAsync(RelayGroup group, CancellationToken cancellation)
    {
        var buffer = new byte[4096];
        while (await WebSocketMessages.ReceiveAsync(socket, buffer, cancellation) is { } length)
        {
            // Sent in turn, each awaited: the buffer is reused for the next message only after the last send.
            var message = buffer.AsMemory(0, length);
            await SendAsync(message, cancellation);
            foreach (var other in group.Members)
            {
                if (other != this)
                {
                    await other.SendAsync(message, cancellation);
                }
            }
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation)
    {
        await _sending.WaitAsync(cancellation);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellation);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // A member that has gone misses the message, as it would on any relay.
        }
        finally
        {
            _sending.Release();
        }
    }
}
