using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>Cleaning up after the server was killed.</summary>
internal static class AfterCrash
{
    /// <summary>Closing a connection to a killed server can fail; it is gone either way.</summary>
    public static async Task DisposeAsync(HubConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or OperationCanceledException)
        {
        }
    }
}
