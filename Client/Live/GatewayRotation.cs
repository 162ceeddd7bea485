using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace CopLive.Client.Live;

/// <summary>
/// Connects a hub connection to whichever of several gateways answers: the one that worked last first, then the
/// others in turn. A killed gateway refuses at once, so a reconnect moves to the next within one attempt, and the
/// client's retry policy keeps cycling through them until one is back.
/// </summary>
internal sealed class GatewayRotation(IReadOnlyList<Uri> hubs, HttpConnectionFactory connections) : IConnectionFactory
{
    private int _current;

    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var start = Volatile.Read(ref _current);
        for (var tried = 0; ; tried++)
        {
            var index = (start + tried) % hubs.Count;
            try
            {
                var connection = await connections.ConnectAsync(new UriEndPoint(hubs[index]), cancellationToken);
                Volatile.Write(ref _current, index);
                return connection;
            }
            catch (Exception) when (tried + 1 < hubs.Count && !cancellationToken.IsCancellationRequested)
            {
                // This gateway is down or unreachable: try the next.
            }
        }
    }
}
