using CopLive.Grains.Ids;

namespace CopLive.Gateway.Hubs;

/// <summary>The one place SignalR group names are made.</summary>
public static class HubGroups
{
    public static string ForDocument(DocumentId document) => $"document:{document}";

    public static string ForSession(SessionId session) => $"session:{session}";

    public static string ForRoom(RoomId room) => $"room:{room}";
}
