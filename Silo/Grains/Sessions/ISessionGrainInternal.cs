using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using System.Collections.Immutable;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// A session as its community sees it: created when the community schedules it. Internal to the silo: the gateway
/// cannot reach these calls, which trust their caller to be a grain that already checked the person behind the request.
/// </summary>
[Alias("coplive.ISessionGrainInternal")]
internal interface ISessionGrainInternal : IGrainWithGuidKey
{
    /// <summary>
    /// Records the plan of a new session. Called by its community, which has already checked the caller's
    /// right to schedule; repeating the same plan is harmless, a different plan is a conflict.
    /// </summary>
    [Alias("Initialize")]
    Task<SessionDetails> InitializeAsync(SessionPlan plan);

    /// <summary>
    /// Takes in the action items still open after meeting <paramref name="fromOccurrence"/> of its series, in place of
    /// any carried from an earlier meeting.
    /// </summary>
    [Alias("ReceiveActionItems")]
    Task ReceiveActionItemsAsync(int fromOccurrence, ImmutableArray<CopLive.Grains.Practice.ActionItem> items);

    /// <summary>Where the session is in its life; for its series.</summary>
    [Alias("GetStatus")]
    Task<SessionStatus> GetStatusAsync();
}
