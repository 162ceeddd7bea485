namespace CopLive.Gateway.Cluster;

/// <summary>
/// In client mode the gateway learns of a silo's loss when its connection to that silo (an Orleans gateway) closes,
/// seconds before the cluster declares the silo dead; renewals that come too early fail and are retried shortly.
/// </summary>
internal sealed partial class GatewayConnectionWatch(SiloLoss loss, ILogger<GatewayConnectionWatch> logger) : IClusterConnectionStatusObserver
{
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            LogLost(previousNumberOfGateways, currentNumberOfGateways);
            loss.Raise();
        }
    }

    public void NotifyClusterConnectionLost() => loss.Raise();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost a silo: connected to {Now} of {Before} cluster gateways; renewing subscriptions")]
    private partial void LogLost(int before, int now);
}
