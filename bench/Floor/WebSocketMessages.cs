using System.Net.WebSockets;

namespace CopLive.Bench.Floor;

/// <summary>Reads whole WebSocket messages into a reused buffer, on the relay and in its raw clients alike.</summary>
internal static class WebSocketMessages
{
    /// <summary>
    /// Receives one message into <paramref name="buffer"/>; returns its length, or null once the peer closes. A message
    /// longer than the buffer is cut at its length: the floor's messages are a few dozen bytes.
    /// </summary>
    public static async ValueTask<int?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellation)
    {
        var length = 0;
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellation);
            length += received.Count;
        }
        while (!received.EndOfMessage && length < buffer.Length);
        return received.MessageType == WebSocketMessageType.Close ? null : length;
    }
}
