using System.Net;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
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
    public static HubConnection Create(Uri gateway, string path, Func<string?> token, Action<IHubConnectionBuilder>? configure = null) =>
        Create([gateway], path, token, configure);

    /// <summary>
    /// A connection to the hub at <paramref name="path"/> of any of a cluster's <paramref name="gateways"/>: it uses the
    /// one that answers, and when that gateway is lost it reconnects through another (every gateway of a deployment
    /// shares the signing key, so the token is valid at all).
    /// </summary>
    public static HubConnection Create(IReadOnlyList<Uri> gateways, string path, Func<string?> token, Action<IHubConnectionBuilder>? configure = null)
    {
        if (gateways.Count == 0)
        {
            throw new ArgumentException("At least one gateway address is needed.", nameof(gateways));
        }
        var hubs = gateways.Select(g => new Uri(g, path)).ToList();
        var builder = new HubConnectionBuilder()
            .WithUrl(hubs[0], o => o.AccessTokenProvider = () => Task.FromResult(token()))
            .WithAutomaticReconnect(new RetryForever())
            .AddJsonProtocol(o => ProtocolJson.Configure(o.PayloadSerializerOptions));
        if (hubs.Count > 1)
        {
            // The factory refuses an endpoint other than the options' URL when one is set; the rotation picks it.
            builder.Services.PostConfigure<HttpConnectionOptions>(o => o.Url = null);
            builder.Services.AddSingleton<EndPoint>(new UriEndPoint(hubs[0]));
            builder.Services.AddSingleton<HttpConnectionFactory>();
            builder.Services.AddSingleton<IConnectionFactory>(services => new GatewayRotation(hubs, services.GetRequiredService<HttpConnectionFactory>()));
        }
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A started connection to <c>/hubs/live</c> for a member token.</summary>
    public static Task<HubConnection> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken = default) =>
        ConnectAsync([gateway], token, cancellationToken);

    /// <summary>A started connection to <c>/hubs/live</c> of any of <paramref name="gateways"/>, for a member token.</summary>
    public static async Task<HubConnection> ConnectAsync(IReadOnlyList<Uri> gateways, string token, CancellationToken cancellationToken = default)
    {
        var connection = Create(gateways, HubPaths.Live, () => token);
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
