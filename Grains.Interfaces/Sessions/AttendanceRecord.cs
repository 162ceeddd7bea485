using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>One stretch of a member's presence in a session.</summary>
/// <param name="Member">Who.</param>
/// <param name="DisplayName">Their name at the time.</param>
/// <param name="Joined">When their first connection joined.</param>
/// <param name="Left">When their last connection left (null while present).</param>
[GenerateSerializer, Immutable, Alias("coplive.AttendanceRecord")]
public sealed record AttendanceRecord(
    [property: Id(0)] MemberId Member,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Instant Joined,
    [property: Id(3)] Instant? Left);
