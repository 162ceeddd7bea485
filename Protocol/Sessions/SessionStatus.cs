namespace CopLive.Protocol.Sessions;

/// <summary>Where a session is in its life.</summary>
public enum SessionStatus
{
    /// <summary>Planned; not started yet.</summary>
    Scheduled,

    /// <summary>Running now.</summary>
    Live,

    /// <summary>Over; everything it produced stays readable.</summary>
    Ended,

    /// <summary>Called off before it started; it never runs.</summary>
    Cancelled,
}
