using CopLive.Grains.Sessions;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>Persisted state of a session.</summary>
[GenerateSerializer, Alias("coplive.SessionState")]
public sealed class SessionState
{
    /// <summary>The schedule as validated by the community; null until the session is created.</summary>
    [Id(0)] public SessionPlan? Plan { get; set; }
    [Id(1)] public SessionStatus Status { get; set; }
}
