using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>What a community grain logs, with structured fields.</summary>
internal static partial class CommunityGrainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Community {CommunityId} created: {Name} ({TimeZone})")]
    public static partial void CommunityCreated(this ILogger logger, CommunityId communityId, string name, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} joined community {CommunityId} as {Role}")]
    public static partial void MemberJoined(this ILogger logger, CommunityId communityId, MemberId memberId, CommunityRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} banned from community {CommunityId}")]
    public static partial void MemberBanned(this ILogger logger, CommunityId communityId, MemberId memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} of community {CommunityId} is now {Role}")]
    public static partial void RoleChanged(this ILogger logger, CommunityId communityId, MemberId memberId, CommunityRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} created in community {CommunityId}")]
    public static partial void DocumentCreated(this ILogger logger, CommunityId communityId, DocumentId documentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} scheduled in community {CommunityId} at {Start}")]
    public static partial void SessionScheduled(this ILogger logger, CommunityId communityId, SessionId sessionId, Instant start);

    [LoggerMessage(Level = LogLevel.Information, Message = "Series {SeriesId} of {Occurrences} meetings scheduled in community {CommunityId}")]
    public static partial void SeriesScheduled(this ILogger logger, CommunityId communityId, SeriesId seriesId, int occurrences);
}
