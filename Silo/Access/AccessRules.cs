using CopLive.Grains.Communities;

namespace CopLive.Silo.Access;

/// <summary>
/// The rights table: the one place that says who may do what. Grains ask it through <see cref="Gatekeeper"/>;
/// docs/security.md's table is written from it (<see cref="AccessTable"/>), and a test keeps the two the same.
/// </summary>
public static class AccessRules
{
    private const CommunityRole Observer = CommunityRole.Observer;
    private const CommunityRole Member = CommunityRole.Member;
    private const CommunityRole Facilitator = CommunityRole.Facilitator;
    private const CommunityRole Owner = CommunityRole.Owner;

    /// <summary>Every right's rule, in the order the rights table lists them.</summary>
    public static IReadOnlyList<AccessRule> All { get; } =
    [
        new(Right.CreateCommunity, null, true, false, ["POST /api/communities"],
            "Only the administrator can create communities."),
        new(Right.ReadCommunity, Observer, true, false, ["GET /api/communities/{id}", "GET /api/me/sessions", "GET /api/communities/{id}/templates", "GET /api/series/{id}",
            "GET /api/communities/{id}/library"],
            "You are not a member of this community."),
        new(Right.LeaveCommunity, Observer, false, false, ["DELETE /api/communities/{id}/membership"],
            "You are not a member of this community.", "The administrator is not a member of any community.",
            "not the last owner"),
        new(Right.ReadAudit, Observer, true, false, ["GET /api/communities/{id}/audit", "GetAudit"],
            "You are not a member of this community.", Limit: "members and observers see only entries about themselves"),
        new(Right.ManageInvites, Owner, true, true, ["POST /api/communities/{id}/invites/{role}", "DELETE /api/communities/{id}/invites/{role}"],
            "Only owners can change invite codes."),
        new(Right.ChangeRoles, Facilitator, true, true, ["PUT /api/communities/{id}/members/{memberId}/role"],
            "Only facilitators and owners can change roles.", Limit: "only owners make or unmake owners; never the last owner"),
        new(Right.Ban, Facilitator, true, true, ["POST /api/communities/{id}/members/{memberId}/ban", "BanMember"],
            "Only facilitators and owners can ban members.", Limit: "members below one's own role"),
        new(Right.LiftBan, Owner, true, true, ["DELETE /api/communities/{id}/members/{memberId}/ban"],
            "Only owners can lift a ban."),
        new(Right.SeeBans, Owner, true, false, ["GET /api/communities/{id}/bans"],
            "Only owners can see who is banned."),
        new(Right.CreateDocument, Member, true, true, ["POST /api/communities/{id}/documents"],
            "Observers can read documents but not create them."),
        new(Right.ReadDocument, Observer, true, false, ["GET /api/documents/{id}", "GET /api/documents/{id}/ops", "GET /api/documents/{id}/authorship", "GET /api/documents/{id}/authors",
            "GET /api/documents/{id}/export.md", "OpenDocument", "CloseDocument", "GetOps", "MoveCursor", "WatchDocument", "GetContributors"],
            "You are not a member of this document's community."),
        new(Right.EditDocument, Member, false, false, ["SubmitOp"],
            "Observers can read this document but not edit it.", "Edits need a member's identity; the admin key cannot write documents.",
            "not while muted in the document's session"),
        new(Right.EditLockedDocument, Facilitator, false, false, ["SubmitOp"],
            "A facilitator has locked this document; it is read-only for now.", "Edits need a member's identity; the admin key cannot write documents."),
        new(Right.LockDocument, Facilitator, true, true, ["POST /api/documents/{id}/lock", "LockDocument"],
            "Only facilitators and owners can lock or unlock a document."),
        new(Right.TagDocuments, Member, true, true, ["PUT /api/communities/{id}/library/{documentId}/tags"],
            "Observers can read the library but not tag it."),
        new(Right.ScheduleSession, Facilitator, true, true, ["POST /api/communities/{id}/sessions", "POST /api/sessions/{id}/cancel", "PUT /api/sessions/{id}/schedule",
            "POST /api/communities/{id}/series", "POST /api/series/{id}/occurrences/{index}/skip", "PUT /api/series/{id}/occurrences/{index}"],
            "Only facilitators and owners can schedule sessions.", Limit: "cancel, edit and move only a session that has not started"),
        new(Right.ManageTemplates, Facilitator, true, true, ["POST /api/communities/{id}/templates", "DELETE /api/communities/{id}/templates/{templateId}"],
            "Only facilitators and owners can save or delete templates.", Limit: "built-in templates cannot be deleted"),
        new(Right.ReadSession, Observer, true, false, ["GET /api/sessions/{id}", "GET /api/sessions/{id}/live", "GET /api/sessions/{id}/attendance",
            "GET /api/sessions/{id}/minutes", "GET /api/sessions/{id}/minutes.md"],
            "You are not a member of this session's community."),
        new(Right.JoinSession, Observer, false, false, ["JoinSession"],
            "You are not a member of this session's community.", "Joining a session needs a member's identity; the admin key only observes.",
            "not once removed from the session"),
        new(Right.RunSession, Facilitator, true, true, ["POST /api/sessions/{id}/start", "POST /api/sessions/{id}/end", "StartSession", "EndSession", "StartAgenda", "AdvancePhase",
            "PausePhase", "ResumePhase", "ExtendPhase", "SetRecorder"],
            "Only facilitators and owners can run a session and its agenda."),
        new(Right.RecordMinutes, Facilitator, true, true, ["AddDecision", "AddActionItem", "SetActionItemDone", "RemoveMinutesEntry"],
            "Only facilitators, owners and the session's recorder can record decisions and action items.",
            Limit: "or the member named recorder of the session; while it is live"),
        new(Right.RunBreakouts, Facilitator, true, true, ["OpenBreakouts", "MoveMember", "BroadcastToRooms", "ExtendRound", "CloseRound"],
            "Only facilitators and owners can run breakout rounds."),
        new(Right.ChooseRoom, Observer, false, false, ["ChooseRoom"],
            "You are not a member of this session's community.", "Choosing a room needs a member's identity.",
            "in a self-select round, once joined"),
        new(Right.Mute, Facilitator, true, true, ["POST /api/sessions/{id}/members/{memberId}/mute", "MuteMember"],
            "Only facilitators and owners can mute members.", Limit: "members below one's own role"),
        new(Right.RemoveFromSession, Facilitator, true, true, ["POST /api/sessions/{id}/members/{memberId}/remove", "RemoveMember"],
            "Only facilitators and owners can remove members.", Limit: "members below one's own role"),
        new(Right.ReadRoom, Observer, true, false, ["OpenRoom", "GET /api/rooms/{id}", "WatchRoom"],
            "You are not a member of this room's community.", Limit: "a breakout room while it is open: its own members, or Look into rooms"),
        new(Right.LookIntoRooms, Facilitator, true, false, ["OpenRoom", "GET /api/rooms/{id}", "WatchRoom"],
            "You are not in this room."),
        new(Right.TakePart, Observer, false, false, ["SetHand", "AskForHelp", "ResolveHelp"],
            "Only members of this community take part in its rooms.", "Only members of this community take part in its rooms.",
            "in one's own room (facilitators: any room), while it is open, not once removed from the session"),
        new(Right.Chat, Member, false, false, ["SendChat"],
            "Observers can read the chat but not write in it.", "Only members of this community take part in its rooms.",
            "in one's own room (facilitators: any room), while it is open, not while muted, not once removed from the session"),
        new(Right.OpenConsole, Facilitator, true, false, ["OpenBoard"],
            "The console is for facilitators and owners; this member facilitates no community.",
            Limit: "shows the communities one facilitates or owns; every action is checked again"),
        new(Right.HandleHelp, Facilitator, true, true, ["ClaimHelp", "ResolveHelp"],
            "Only facilitators and owners can handle help requests."),
    ];

    private static readonly Dictionary<Right, AccessRule> ByRight = All.ToDictionary(r => r.Right);

    /// <summary>The rule of <paramref name="right"/>.</summary>
    public static AccessRule For(Right right) => ByRight[right];
}
