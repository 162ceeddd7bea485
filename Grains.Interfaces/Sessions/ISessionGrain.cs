using CopLive.Grains.Security;

namespace CopLive.Grains.Sessions;

/// <summary>One meeting of a community: its schedule, agenda and status.</summary>
[Alias("coplive.ISessionGrain")]
public interface ISessionGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Records the plan of a new session. Called by its community, which has already checked the caller's
    /// right to schedule; repeating the same plan is harmless, a different plan is a conflict.
    /// </summary>
    [Alias("Initialize")]
    Task<SessionDetails> InitializeAsync(SessionPlan plan);

    /// <summary>The session (members of its community and the administrator).</summary>
    [Alias("Get")]
    Task<SessionDetails> GetAsync(Caller caller);
}
