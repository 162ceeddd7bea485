using CopLive.Gateway.Wire;
using CopLive.Grains.Practice;
using CopLive.Protocol.Sessions;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>A recurring meeting and each of its meetings, in the series' zone and in the reader's own.</summary>
public sealed record SeriesResponse(
    Guid Id,
    Guid CommunityId,
    string Title,
    string TimeZone,
    string FirstDate,
    string Time,
    int EveryWeeks,
    int DurationMinutes,
    IReadOnlyList<AgendaPhase> Agenda,
    bool AutoAdvance,
    bool StandingGroups,
    string? YourTimeZone,
    IReadOnlyList<OccurrenceResponse> Occurrences)
{
    public static SeriesResponse From(SeriesView view, string? readerZone)
    {
        var p = view.Plan;
        return new SeriesResponse(
            view.Id.Value, p.Community.Value, p.Title, p.TimeZone, p.FirstDate.ToString("uuuu-MM-dd", null), p.Time.ToString("HH:mm", null), p.EveryWeeks,
            (int)p.Duration.TotalMinutes, [.. p.Agenda.Select(a => a.ToWire())], p.AutoAdvance, p.StandingGroups, readerZone,
            [.. view.Occurrences.Select(o => new OccurrenceResponse(
                o.Index, TimeText.Local(o.LocalStart), o.Start, readerZone is null ? null : TimeText.InZone(o.Start, readerZone),
                ProtocolName(o.Status), o.Session?.Value, o.Moved))]);
    }

    private static string ProtocolName(OccurrenceStatus status) => status switch
    {
        OccurrenceStatus.Planned => "planned",
        OccurrenceStatus.Scheduled => "scheduled",
        OccurrenceStatus.Skipped => "skipped",
        _ => "over",
    };
}

/// <summary>One meeting of a series: its start in the series' zone, as an instant, and in the reader's zone.</summary>
public sealed record OccurrenceResponse(int Index, string LocalStart, Instant Start, string? YourStart, string Status, Guid? SessionId, bool Moved);
