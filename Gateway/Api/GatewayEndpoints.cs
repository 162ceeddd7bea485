using CopLive.Gateway.Api.Contracts;
using CopLive.Gateway.Cluster;

namespace CopLive.Gateway.Api;

/// <summary><c>/api/gateways</c>: where else the page may reconnect when its gateway is lost.</summary>
internal static class GatewayEndpoints
{
    public static RouteGroupBuilder MapGatewayEndpoints(this RouteGroupBuilder api)
    {
        // Anonymous: the addresses are public (they are what people type), and a page needs them before joining.
        api.MapGet("/gateways", (GatewayAddresses gateways) => Results.Ok(new GatewaysResponse(gateways.Origins)));
        return api;
    }
}
