using CopLive.Protocol.Hubs;
using CopLive.Protocol.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CopLive.Client.Live;

/// <summary>Builds connections to a gateway's hubs that speak CopLive's JSON (<see cref="ProtocolJson"/>) and reconnect forever.</summary>
public static class LiveConnection
{
    /// <summary>A connection to <c>/hubs/live</c> that reconnects by itself; the token goes as <c>access_token</c>.</summary>
    public static HubConnection Create(Uri gateway, Func<string?> token, Action<IHubConnectionBuilder>? configure = null) =>
        Create(gateway, HubPaths.Live, token, configure);

    /// <summary>A connection to the hub at <paramref name="path"/> of a gateway, speaking CopLive's JSON and reconnecting forever.</summary>
    public static HubConnection Create(Uri gateway, string path, Func<string?> token, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, path), o => o.AccessTokenProvider = () => Task.FromResult(token()))
            .WithAutomaticReconnect(new RetryForever())
            .AddJsonProtocol(o => ProtocolJson.Configure(o.PayloadSerializerOptions));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A started connection to <c>/hubs/live</c> for a member token.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken = default)
    {
        var connection = Create(gateway, () => token);
        try
        {
            await connection.StartAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Retries quickly at first, then every two seconds, without giving up.</summary>
    private sealed class RetryForever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => Backoff.After((int)Math.Min(retryContext.PreviousRetryCount, int.MaxValue));
    }
}
