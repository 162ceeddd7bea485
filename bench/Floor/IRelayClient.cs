namespace CopLive.Bench.Floor;

/// <summary>One connection of the floor's load to a relay, over raw WebSockets or SignalR.</summary>
internal interface IRelayClient : IAsyncDisposable
{
    /// <summary>Sends <paramref name="message"/> to the connection's group; completes when the relay acknowledges it.</summary>
    Task SendAsync(string message);
}
