using CopLive.Grains.Ids;
using Microsoft.Extensions.Logging;

namespace CopLive.Silo.Grains.Practice;

/// <summary>What a series grain logs, with structured fields.</summary>
internal static partial class SeriesGrainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Series {SeriesId} scheduled meeting {Occurrence} as session {SessionId}")]
    public static partial void OccurrenceScheduled(this ILogger logger, SeriesId seriesId, int occurrence, SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series {SeriesId} could not schedule its next meeting; its reminder tries again")]
    public static partial void NextFailed(this ILogger logger, Exception error, SeriesId seriesId);
}
