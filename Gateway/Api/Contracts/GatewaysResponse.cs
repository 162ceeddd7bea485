namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>GET /api/gateways</c>: the public addresses of the cluster's gateways (empty: only this one).</summary>
public sealed record GatewaysResponse(IReadOnlyList<string> Addresses);
