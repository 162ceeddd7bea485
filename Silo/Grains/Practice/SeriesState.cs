using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using NodaTime;

namespace CopLive.Silo.Grains.Practice;

/// <summary>Persisted state of a recurring meeting.</summary>
[GenerateSerializer, Alias("coplive.SeriesState")]
public sealed class SeriesState
{
    /// <summary>The plan as validated by the community; null until the series is created.</summary>
    [Id(0)] public SeriesPlan? Plan { get; set; }

    /// <summary>Meetings a facilitator moved off the rhythm: index → new wall-clock start.</summary>
    [Id(1)] public Dictionary<int, LocalDateTime> Moved { get; set; } = [];

    /// <summary>Meetings a facilitator skipped.</summary>
    [Id(2)] public HashSet<int> Skipped { get; set; } = [];

    /// <summary>Meetings held, cancelled, or whose time passed.</summary>
    [Id(3)] public HashSet<int> Over { get; set; } = [];

    /// <summary>The sessions scheduled so far: index → session.</summary>
    [Id(4)] public Dictionary<int, SessionId> Sessions { get; set; } = [];

    /// <summary>With standing groups: member → the group (room number) they keep from meeting to meeting.</summary>
    [Id(5)] public Dictionary<Guid, int> Groups { get; set; } = [];

    /// <summary>The action items still open after the latest meeting that ended, for the next one.</summary>
    [Id(6)] public List<ActionItem> Carried { get; set; } = [];

    /// <summary>The meeting <see cref="Carried"/> came from; -1 before any.</summary>
    [Id(7)] public int CarriedFrom { get; set; } = -1;
}
