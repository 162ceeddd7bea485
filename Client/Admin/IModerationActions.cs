namespace CopLive.Client.Admin;

/// <summary>What a moderator can do to a running meeting; the server checks each right and records each action.</summary>
public interface IModerationActions
{
    /// <summary>Posts a message to every room of a session.</summary>
    Task BroadcastAsync(Guid session, string text);

    /// <summary>Lengthens (or, negative, shortens) the current agenda phase.</summary>
    Task ExtendPhaseAsync(Guid session, int minutes);

    /// <summary>Lengthens (or shortens) the breakout round.</summary>
    Task ExtendRoundAsync(Guid session, int minutes);

    /// <summary>Closes the breakout round (notes merge into the lesson plan).</summary>
    Task CloseRoundAsync(Guid session);

    /// <summary>Moves a member to a room of the round.</summary>
    Task MoveMemberAsync(Guid session, Guid member, Guid room);

    /// <summary>Mutes or unmutes a member in a session.</summary>
    Task MuteAsync(Guid session, Guid member, bool muted, string? reason);

    /// <summary>Removes a member from a session.</summary>
    Task RemoveAsync(Guid session, Guid member, string reason);

    /// <summary>Bans a member from a community.</summary>
    Task BanAsync(Guid community, Guid member, string reason);

    /// <summary>Locks or unlocks a document; returns whether it is locked now.</summary>
    Task<bool> LockDocumentAsync(Guid document, bool locked, string? reason);

    /// <summary>Takes a help request.</summary>
    Task ClaimHelpAsync(Guid room, long request);

    /// <summary>Marks a help request done.</summary>
    Task ResolveHelpAsync(Guid room, long request);

    /// <summary>Ends a session.</summary>
    Task EndSessionAsync(Guid session, string reason);
}
