namespace CopLive.Silo.Domain.Sessions;

/// <summary>What a connection joining a session meant for its member's attendance.</summary>
public enum Arrival
{
    /// <summary>The member was already connected: nothing to record.</summary>
    AlreadyHere,

    /// <summary>The member came back within the grace: the same stretch of attendance goes on.</summary>
    Returned,

    /// <summary>A new stretch of attendance began.</summary>
    Arrived,
}
