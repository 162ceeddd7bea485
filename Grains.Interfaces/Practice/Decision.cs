using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>A decision the group took, marked during the meeting by a facilitator or the recorder.</summary>
/// <param name="Id">Its id, for removing it.</param>
/// <param name="Text">What was decided, 1–1,000 characters.</param>
/// <param name="By">Who marked it.</param>
/// <param name="ByName">Their name then.</param>
/// <param name="At">When.</param>
/// <param name="Phase">The agenda phase running then (0-based), if any.</param>
[GenerateSerializer, Immutable, Alias("coplive.Decision")]
public sealed record Decision(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] MemberId By,
    [property: Id(3)] string ByName,
    [property: Id(4)] Instant At,
    [property: Id(5)] int? Phase);
