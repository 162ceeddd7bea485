using System.Collections.Immutable;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Domain.Practice;

/// <summary>Turns a facilitator's request for a recurring meeting into a validated <see cref="SeriesPlan"/>: pure rules, no Orleans.</summary>
internal static class SeriesRules
{
    /// <summary>Longest gap between meetings, in weeks.</summary>
    public const int MaxEveryWeeks = 8;

    /// <summary>Most meetings in one series (a school year of weekly meetings).</summary>
    public const int MaxOccurrences = 52;

    /// <summary>The request checked, with <paramref name="agenda"/> (its own or its template's) and the zone resolved.</summary>
    /// <exception cref="CopLiveException">A field is out of range; nothing was changed.</exception>
    public static SeriesPlan Plan(CommunityId community, NewSeries request, ImmutableArray<AgendaItem> agenda, string communityZone, MemberId createdBy, Instant now)
    {
        var title = Require.Text("title", request.Title, Limits.NameLength);
        var zone = request.TimeZone is null ? communityZone : Require.TimeZone("timeZone", request.TimeZone).Id;
        var every = Require.InRange("everyWeeks", request.EveryWeeks, 1, MaxEveryWeeks);
        var count = Require.InRange("occurrences", request.Occurrences, 2, MaxOccurrences);
        // One meeting of the series is checked as a session would be: its agenda and length.
        var first = request.FirstDate.At(request.Time);
        var single = SessionSchedule.Plan(community, new NewSession(title, first, zone, request.DurationMinutes, agenda, request.AutoAdvance), createdBy, now);
        var plan = new SeriesPlan(community, title, zone, request.FirstDate, request.Time, every, count, single.Duration, single.Agenda, request.AutoAdvance,
            request.StandingGroups, createdBy, now);
        return plan;
    }

    /// <summary>The session of meeting <paramref name="index"/>, starting at <paramref name="local"/>.</summary>
    public static SessionPlan Session(SeriesId series, SeriesPlan plan, int index, LocalDateTime local) => new(
        plan.Community, $"{plan.Title} ({index + 1} of {plan.Occurrences})", plan.TimeZone, local, Recurrence.Resolve(local, plan.TimeZone),
        plan.Duration, plan.Agenda, plan.CreatedBy, plan.CreatedAt, AutoAdvance: plan.AutoAdvance, Series: series, Occurrence: index);

    /// <summary>
    /// The id of meeting <paramref name="index"/>'s session, the same every time it is asked for, so a series that
    /// schedules it again after a crash finds the session it created rather than a second one.
    /// </summary>
    public static SessionId SessionIdFor(SeriesId series, int index)
    {
        Span<byte> key = stackalloc byte[20];
        series.Value.TryWriteBytes(key);
        BitConverter.TryWriteBytes(key[16..], index);
        return new SessionId(new Guid(System.Security.Cryptography.SHA256.HashData(key)[..16]));
    }

    /// <summary>The meeting <paramref name="index"/> checked against the plan, naming <c>occurrence</c> when there is none.</summary>
    public static int Occurrence(SeriesPlan plan, int index) => Require.InRange("occurrence", index, 0, plan.Occurrences - 1);
}
