using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
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

    /// <summary>
    /// What an invite code opens, for the join page: the community's name and the role it grants. Anyone holding
    /// the code may ask; a code that would not admit (unknown, revoked, expired) is refused as joining would be.
    /// </summary>
    [Alias("PreviewInvite")]
    Task<InvitePreview> PreviewInviteAsync(string inviteHash);

    /// <summary>The community with its members and upcoming sessions (members and the administrator).</summary>
    [Alias("Get")]
    Task<CommunityDetails> GetAsync(Caller caller);

    /// <summary>The caller's own membership here, or null when they are not a member (or are the administrator).</summary>
    [Alias("GetMembership")]
    Task<CommunityMember?> GetMembershipAsync(Caller caller);

    /// <summary>Creates a co-edited document in this community (members, facilitators, owners).</summary>
    [Alias("CreateDocument")]
    Task<DocumentView> CreateDocumentAsync(Caller caller, NewDocument request);

    /// <summary>Schedules a session (facilitators and owners).</summary>
    [Alias("ScheduleSession")]
    Task<SessionDetails> ScheduleSessionAsync(Caller caller, NewSession request);

    /// <summary>The protocol templates sessions can be scheduled from: the built-in ones, then the community's own (members and the administrator).</summary>
    [Alias("GetTemplates")]
    Task<System.Collections.Immutable.ImmutableArray<ProtocolTemplate>> GetTemplatesAsync(Caller caller);

    /// <summary>Saves an agenda as one of the community's protocol templates (facilitators and owners).</summary>
    [Alias("SaveTemplate")]
    Task<ProtocolTemplate> SaveTemplateAsync(Caller caller, NewTemplate request);

    /// <summary>Deletes one of the community's own templates; built-in ones cannot be (facilitators and owners).</summary>
    [Alias("DeleteTemplate")]
    Task DeleteTemplateAsync(Caller caller, string templateId);

    /// <summary>
    /// The community's library: its lesson plans and notes, and the records of its ended meetings, filtered by text
    /// (titles and plans' text), tag and date (members and the administrator).
    /// </summary>
    [Alias("SearchLibrary")]
    Task<LibraryPage> SearchLibraryAsync(Caller caller, LibraryQuery query);

    /// <summary>Sets a document's tags in the library, at most 10 of at most 40 characters (members, facilitators, owners).</summary>
    [Alias("SetDocumentTags")]
    Task<DocumentSummary> SetDocumentTagsAsync(Caller caller, DocumentId document, System.Collections.Immutable.ImmutableArray<string> tags);

    /// <summary>Schedules a recurring meeting (facilitators and owners); read it through its series grain to see its meetings.</summary>
    [Alias("ScheduleSeries")]
    Task<SeriesId> ScheduleSeriesAsync(Caller caller, NewSeries request);

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

    /// <summary>Everyone banned, newest first, with the name they had and when (owners and the administrator).</summary>
    [Alias("GetBans")]
    Task<System.Collections.Immutable.ImmutableArray<BannedMember>> GetBansAsync(Caller caller);

    /// <summary>The caller leaves the community (the last owner cannot).</summary>
    [Alias("Leave")]
    Task LeaveAsync(Caller caller);

    /// <summary>
    /// The audit log, newest first, entries older than <paramref name="before"/> when given. Owners, facilitators and
    /// the administrator see everything; a member sees the entries about themselves.
    /// </summary>
    [Alias("GetAudit")]
    Task<System.Collections.Immutable.ImmutableArray<AuditEntry>> GetAuditAsync(Caller caller, long? before, int limit);

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
