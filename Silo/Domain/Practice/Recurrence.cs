using System.Collections.Immutable;
using CopLive.Grains.Practice;
using NodaTime;
using NodaTime.TimeZones;

namespace CopLive.Silo.Domain.Practice;

/// <summary>
/// The meetings of a series as pure functions of its plan: each one on the same weekday and wall-clock time in the
/// series' zone, so the local time holds across a change of clocks and the instant moves instead.
/// </summary>
public static class Recurrence
{
    /// <summary>The wall-clock start of meeting <paramref name="index"/> on the series' rhythm.</summary>
    public static LocalDateTime OnRhythm(SeriesPlan plan, int index) =>
        plan.FirstDate.PlusWeeks(index * plan.EveryWeeks).At(plan.Time);

    /// <summary>
    /// The instant of a wall-clock time in <paramref name="zoneId"/>. On the night clocks fall back the earlier of the two
    /// is meant; a time the clocks skip over is moved forward by the gap (a 02:30 meeting on that night starts at 03:30),
    /// since one meeting of a series cannot be refused the way a single session is.
    /// </summary>
    public static Instant Resolve(LocalDateTime local, string zoneId) =>
        DateTimeZoneProviders.Tzdb[zoneId].ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    /// <summary>Each meeting's wall-clock start: on the rhythm, or where a facilitator moved it.</summary>
    public static ImmutableArray<LocalDateTime> Starts(SeriesPlan plan, IReadOnlyDictionary<int, LocalDateTime> moved) =>
        [.. Enumerable.Range(0, plan.Occurrences).Select(i => moved.TryGetValue(i, out var to) ? to : OnRhythm(plan, i))];

    /// <summary>
    /// The meeting that should have a session now: the first one not skipped and not over (held, cancelled, or ended by
    /// the clock); null when the series is finished.
    /// </summary>
    public static int? Next(SeriesPlan plan, IReadOnlyDictionary<int, LocalDateTime> moved, IReadOnlySet<int> skipped, IReadOnlySet<int> over, Instant now)
    {
        var starts = Starts(plan, moved);
        for (var i = 0; i < starts.Length; i++)
        {
            if (!skipped.Contains(i) && !over.Contains(i) && Resolve(starts[i], plan.TimeZone) + plan.Duration > now)
            {
                return i;
            }
        }
        return null;
    }
}
