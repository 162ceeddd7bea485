using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Bench.Floor;

/// <summary>A SignalR connection to <see cref="RelayHub"/>: the invocation's completion is the acknowledgement.</summary>
internal sealed class SignalRRelayClient(HubConnection connection) : IRelayClient
{
    /// <param name="server">The relay's address.</param>
    /// <param name="group">The group (document) the connection joins.</param>
    /// <param name="onMessage">
    /// Called with every message of the group's other connections, and, when the relay is paced, of this one too.
    /// </param>
    public static async Task<IRelayClient> ConnectAsync(Uri server, int group, Action<string> onMessage)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, $"{RelayServer.HubPath}?group={group}"))
            .Build();
        connection.On<string[]>(RelayHub.Relayed, messages =>
        {
            foreach (var message in messages)
            {
                onMessage(message);
            }
        });
        await connection.StartAsync();
        return new SignalRRelayClient(connection);
    }

    public Task SendAsync(string message) => connection.InvokeAsync(nameof(RelayHub.Relay), message);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
