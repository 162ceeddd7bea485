using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Communities;

/// <summary>
/// A professional learning community: its members and their roles, its invite codes and its sessions.
/// Every method re-checks the caller's rights and throws <see cref="Errors.CopLiveException"/> on refusal,
/// having changed nothing.
/// </summary>
[Alias("coplive.ICommunityGrain")]
public interface ICommunityGrain : IGrainWithGuidKey
{
    /// <summary>Creates the community (administrator only) and returns its first invite codes.</summary>
    [Alias("Create")]
    Task<InviteCodes> CreateAsync(Caller caller, NewCommunity request);

    /// <summary>Adds a member who presents a valid, unrevoked invite code of this community.</summary>
    [Alias("Join")]
    Task<JoinedCommunity> JoinAsync(JoinRequest request);

    /// <summary>The community with its members and upcoming sessions (members and the administrator).</summary>
    [Alias("Get")]
    Task<CommunityDetails> GetAsync(Caller caller);

    /// <summary>The member's role here, or null when they are not a member. For other grains' rights checks.</summary>
    [Alias("GetRole")]
    Task<CommunityRole?> GetRoleAsync(MemberId member);

    /// <summary>The member as this community lists them, or null when they are not a member. For other grains' rights checks.</summary>
    [Alias("GetMember")]
    Task<CommunityMember?> GetMemberAsync(MemberId member);

    /// <summary>Creates a co-edited document in this community (members, facilitators, owners).</summary>
    [Alias("CreateDocument")]
    Task<DocumentView> CreateDocumentAsync(Caller caller, NewDocument request);

    /// <summary>Schedules a session (facilitators and owners).</summary>
    [Alias("ScheduleSession")]
    Task<SessionDetails> ScheduleSessionAsync(Caller caller, NewSession request);

    /// <summary>Records a session's new status in the community's schedule. Called by the session grain.</summary>
    [Alias("SessionUpdated")]
    Task SessionUpdatedAsync(SessionSummary summary);

    /// <summary>Sessions not yet over, soonest first (members and the administrator).</summary>
    [Alias("GetUpcomingSessions")]
    Task<CommunityUpcoming> GetUpcomingSessionsAsync(Caller caller);

    /// <summary>
    /// Changes a member's role. Owners may set any role; facilitators may move members between observer, member and
    /// facilitator but never touch an owner or make one; the last owner cannot be demoted.
    /// </summary>
    [Alias("SetRole")]
    Task<CommunityMember> SetRoleAsync(Caller caller, MemberId member, CommunityRole role, string? reason);

    /// <summary>
    /// Bans a member (facilitators may ban members below them; owners anyone but the last owner): they stop being a
    /// member at once, everywhere in the community, their open connections are closed, and no invite lets them back.
    /// </summary>
    [Alias("Ban")]
    Task BanAsync(Caller caller, MemberId member, string? reason);

    /// <summary>Lifts a ban; the person may join again with an invite (owners and the administrator).</summary>
    [Alias("Unban")]
    Task UnbanAsync(Caller caller, MemberId member, string? reason);

    /// <summary>Lists documents another grain created in this community (a breakout round's notes).</summary>
    [Alias("DocumentsCreated")]
    Task DocumentsCreatedAsync(System.Collections.Immutable.ImmutableArray<Documents.DocumentSummary> documents);

    /// <summary>The caller leaves the community (the last owner cannot).</summary>
    [Alias("Leave")]
    Task LeaveAsync(Caller caller);

    /// <summary>
    /// The audit log, newest first, entries older than <paramref name="before"/> when given. Owners, facilitators and
    /// the administrator see everything; a member sees the entries about themselves.
    /// </summary>
    [Alias("GetAudit")]
    Task<System.Collections.Immutable.ImmutableArray<AuditEntry>> GetAuditAsync(Caller caller, long? before, int limit);

    /// <summary>
    /// Adds an entry to the audit log on behalf of another grain (a session muting, a document locked, or a
    /// privileged call it refused: <paramref name="outcome"/> is <c>done</c> or <c>refused</c>).
    /// </summary>
    [Alias("Record")]
    Task RecordAsync(Caller actor, string action, MemberId? target, string? detail, string? reason, string outcome);

    /// <summary>Replaces the invite code of a role with a new one; the old code stops working (owners and the administrator).</summary>
    [Alias("RotateInvite")]
    Task<string> RotateInviteAsync(Caller caller, CommunityRole role);

    /// <summary>
    /// Revokes the invite code of a role without replacing it (owners and the administrator). With
    /// <paramref name="removeMembers"/>, everyone who joined with that code and still holds its role loses access too,
    /// their tokens stop working here at once (for a code that leaked).
    /// </summary>
    [Alias("RevokeInvite")]
    Task RevokeInviteAsync(Caller caller, CommunityRole role, bool removeMembers);
}
