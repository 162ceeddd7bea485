using CopLive.Grains.Ids;
using Microsoft.Extensions.Logging;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>What a session grain logs, with structured fields.</summary>
internal static partial class SessionGrainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} started")]
    public static partial void SessionStarted(this ILogger logger, SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended")]
    public static partial void SessionEnded(this ILogger logger, SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened a breakout round of {Rooms} rooms")]
    public static partial void RoundOpened(this ILogger logger, SessionId sessionId, int rooms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed a breakout round of {Rooms} rooms")]
    public static partial void RoundClosed(this ILogger logger, SessionId sessionId, int rooms);
}
