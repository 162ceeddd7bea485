namespace CopLive.Gateway.Hosting;

/// <summary>How the gateway reaches grains (configuration <c>Orleans:Mode</c>).</summary>
public enum GatewayMode
{
    /// <summary>Hosts a silo in this process (the default: one process, nothing else to run).</summary>
    Embedded,

    /// <summary>Joins a cluster of standalone silos as an Orleans client.</summary>
    Client,
}
