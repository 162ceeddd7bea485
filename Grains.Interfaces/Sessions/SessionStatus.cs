namespace CopLive.Grains.Sessions;

/// <summary>Where a session is in its life.</summary>
[GenerateSerializer, Alias("coplive.SessionStatus")]
public enum SessionStatus
{
    /// <summary>Planned; not started yet.</summary>
    Scheduled = 0,

    /// <summary>Running now.</summary>
    Live = 1,

    /// <summary>Over; everything it produced stays readable.</summary>
    Ended = 2,

    /// <summary>Called off before it started; it never runs.</summary>
    Cancelled = 3,
}
