namespace CopLive.Grains.Communities;

/// <summary>
/// What an audit entry records, one scheme for all: <c>{what}.{happened}</c>, in the past tense. A refused call is
/// recorded with the action it attempted and the outcome <see cref="AuditOutcomes.Refused"/>.
/// </summary>
public static class AuditActions
{
    /// <summary>The administrator created the community.</summary>
    public const string CommunityCreated = "community.created";

    /// <summary>Someone joined with an invite code.</summary>
    public const string MemberJoined = "member.joined";

    /// <summary>A member left the community.</summary>
    public const string MemberLeft = "member.left";

    /// <summary>A member was banned from the community.</summary>
    public const string MemberBanned = "member.banned";

    /// <summary>A ban was lifted.</summary>
    public const string MemberUnbanned = "member.unbanned";

    /// <summary>A member was removed from a session.</summary>
    public const string MemberRemoved = "member.removed";

    /// <summary>A member lost access with the invite code they joined with.</summary>
    public const string MemberRemovedWithInvite = "member.removedWithInvite";

    /// <summary>A member was muted in a session.</summary>
    public const string MemberMuted = "member.muted";

    /// <summary>A member was unmuted in a session.</summary>
    public const string MemberUnmuted = "member.unmuted";

    /// <summary>A member was moved to another breakout room.</summary>
    public const string MemberMoved = "member.moved";

    /// <summary>A member's role changed.</summary>
    public const string RoleChanged = "role.changed";

    /// <summary>A role's invite code was replaced.</summary>
    public const string InviteRotated = "invite.rotated";

    /// <summary>A role's invite code was revoked.</summary>
    public const string InviteRevoked = "invite.revoked";

    /// <summary>A document was created.</summary>
    public const string DocumentCreated = "document.created";

    /// <summary>A document was locked.</summary>
    public const string DocumentLocked = "document.locked";

    /// <summary>A document was unlocked.</summary>
    public const string DocumentUnlocked = "document.unlocked";

    /// <summary>A session was scheduled.</summary>
    public const string SessionScheduled = "session.scheduled";

    /// <summary>A document's tags in the library were changed (recorded only when refused).</summary>
    public const string DocumentTagged = "document.tagged";

    /// <summary>A facilitator saved an agenda as a protocol template.</summary>
    public const string TemplateSaved = "template.saved";

    /// <summary>A facilitator deleted one of the community's templates.</summary>
    public const string TemplateDeleted = "template.deleted";

    /// <summary>A recurring meeting was scheduled.</summary>
    public const string SeriesScheduled = "series.scheduled";

    /// <summary>One meeting of a series was skipped.</summary>
    public const string OccurrenceSkipped = "occurrence.skipped";

    /// <summary>One meeting of a series was moved.</summary>
    public const string OccurrenceMoved = "occurrence.moved";

    /// <summary>A facilitator named (or unnamed) a session's recorder.</summary>
    public const string RecorderNamed = "recorder.named";

    /// <summary>Decisions or action items were marked or changed (recorded only when refused).</summary>
    public const string MinutesEdited = "minutes.edited";

    /// <summary>A scheduled session was called off.</summary>
    public const string SessionCancelled = "session.cancelled";

    /// <summary>A scheduled session was moved to another time.</summary>
    public const string SessionRescheduled = "session.rescheduled";

    /// <summary>A scheduled session's title or agenda was changed.</summary>
    public const string SessionEdited = "session.edited";

    /// <summary>A session went live.</summary>
    public const string SessionStarted = "session.started";

    /// <summary>A session ended.</summary>
    public const string SessionEnded = "session.ended";

    /// <summary>The agenda's countdown started.</summary>
    public const string AgendaStarted = "agenda.started";

    /// <summary>The agenda moved on to its next phase.</summary>
    public const string PhaseAdvanced = "phase.advanced";

    /// <summary>The phase's countdown was paused.</summary>
    public const string PhasePaused = "phase.paused";

    /// <summary>The phase's countdown resumed.</summary>
    public const string PhaseResumed = "phase.resumed";

    /// <summary>The current phase was lengthened or shortened.</summary>
    public const string PhaseExtended = "phase.extended";

    /// <summary>A breakout round opened.</summary>
    public const string RoundOpened = "round.opened";

    /// <summary>The open round was lengthened or shortened.</summary>
    public const string RoundExtended = "round.extended";

    /// <summary>A breakout round closed and its notes were merged.</summary>
    public const string RoundClosed = "round.closed";

    /// <summary>A facilitator broadcast a message to every room.</summary>
    public const string RoomsBroadcast = "rooms.broadcast";

    /// <summary>A facilitator claimed a help request.</summary>
    public const string HelpClaimed = "help.claimed";

    /// <summary>A help request was resolved.</summary>
    public const string HelpResolved = "help.resolved";
}
