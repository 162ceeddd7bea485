namespace CopLive.Gateway.Hubs;

/// <summary>Names of the events the live hub sends; part of the public protocol.</summary>
public static class HubEvents
{
    public const string DocumentOps = "DocumentOps";
    public const string CursorsChanged = "CursorsChanged";
    public const string SessionChanged = "SessionChanged";
    public const string RoomChanged = "RoomChanged";
}
