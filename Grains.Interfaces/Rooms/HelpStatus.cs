namespace CopLive.Grains.Rooms;

/// <summary>Where a request for help is.</summary>
[GenerateSerializer, Alias("coplive.HelpStatus")]
public enum HelpStatus
{
    /// <summary>Waiting for a facilitator.</summary>
    Open = 0,

    /// <summary>A facilitator is on it.</summary>
    Claimed = 1,

    /// <summary>Done (or closed with its room).</summary>
    Resolved = 2,
}
