namespace CopLive.Gateway.Hubs;

/// <summary>Event names of the admin hub (public protocol, docs/protocol.md); document events are those of <see cref="HubEvents"/>.</summary>
public static class AdminEvents
{
    public const string SessionBoard = "SessionBoard";
    public const string CommunityChanged = "CommunityChanged";
    public const string Pulse = "Pulse";
}
