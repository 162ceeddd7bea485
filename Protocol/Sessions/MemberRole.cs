namespace CopLive.Protocol.Sessions;

/// <summary>A member's role in a community, from least to most privileged.</summary>
public enum MemberRole
{
    /// <summary>Reads documents and chat, raises a hand, asks for help; never writes.</summary>
    Observer,

    /// <summary>A participating teacher.</summary>
    Member,

    /// <summary>Runs meetings: schedules sessions, drives the agenda and breakouts.</summary>
    Facilitator,

    /// <summary>Owns the community: everything a facilitator can do, plus managing roles and invites.</summary>
    Owner,
}
