using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Grains.Members;

/// <summary>Persisted profile of a member. Presence (connections, last seen) is transient and never stored here.</summary>
[GenerateSerializer, Alias("coplive.MemberState")]
public sealed class MemberState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string TimeZone { get; set; } = "";
    [Id(3)] public List<CommunityId> Communities { get; set; } = [];
    [Id(4)] public Instant CreatedAt { get; set; }

    /// <summary>The sessions the member attended, newest first, at most <see cref="MemberGrain.AttendedKept"/>.</summary>
    [Id(5)] public List<CopLive.Grains.Sessions.SessionSummary> Attended { get; set; } = [];
}
