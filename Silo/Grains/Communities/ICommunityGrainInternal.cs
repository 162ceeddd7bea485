using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// A community as other grains of the silo see it: the authority on membership for their rights checks, the keeper of
/// the schedule, the document list and the audit log. Internal to the silo: the gateway cannot reach these calls, which
/// trust their caller to be a grain that already checked the person behind the request.
/// </summary>
[Alias("coplive.ICommunityGrainInternal")]
internal interface ICommunityGrainInternal : IGrainWithGuidKey
{
    /// <summary>The member as this community lists them, or null when they are not a member. For other grains' rights checks.</summary>
    [Alias("GetMember")]
    Task<CommunityMember?> GetMemberAsync(MemberId member);

    /// <summary>
    /// Creates and lists the session of one meeting of a series, under the id its series gives it; a session already
    /// listed under that id is left as it is. Called by the series, which has checked the right to schedule.
    /// </summary>
    [Alias("ScheduleOccurrence")]
    Task<SessionDetails> ScheduleOccurrenceAsync(SessionId id, SessionPlan plan);

    /// <summary>Records a session's new status in the community's schedule. Called by the session grain.</summary>
    [Alias("SessionUpdated")]
    Task SessionUpdatedAsync(SessionSummary summary);

    /// <summary>Lists documents another grain created in this community (a breakout round's notes).</summary>
    [Alias("DocumentsCreated")]
    Task DocumentsCreatedAsync(System.Collections.Immutable.ImmutableArray<CopLive.Grains.Documents.DocumentSummary> documents);

    /// <summary>
    /// Adds an entry to the audit log on behalf of another grain (a session muting, a document locked, or a
    /// privileged call it refused: <paramref name="outcome"/> is <c>done</c> or <c>refused</c>).
    /// </summary>
    [Alias("Record")]
    Task RecordAsync(Caller actor, string action, MemberId? target, string? detail, string? reason, string outcome);
}
