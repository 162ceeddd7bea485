namespace CopLive.Grains.Communities;

/// <summary>A member's role in one community, from least to most privileged.</summary>
[GenerateSerializer, Alias("coplive.CommunityRole")]
public enum CommunityRole
{
    /// <summary>Reads documents and chat, raises a hand, asks for help; never writes.</summary>
    Observer = 0,

    /// <summary>A participating teacher.</summary>
    Member = 1,

    /// <summary>Runs meetings: schedules sessions, drives the agenda and breakouts.</summary>
    Facilitator = 2,

    /// <summary>Owns the community: everything a facilitator can do, plus managing roles and invites.</summary>
    Owner = 3,
}
