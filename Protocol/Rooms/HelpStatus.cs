namespace CopLive.Protocol.Rooms;

/// <summary>Where a request for help is.</summary>
public enum HelpStatus
{
    /// <summary>Waiting for a facilitator.</summary>
    Open,

    /// <summary>A facilitator is on it.</summary>
    Claimed,

    /// <summary>Done (or closed with its room).</summary>
    Resolved,
}
