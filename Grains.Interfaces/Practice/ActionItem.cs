using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>Something a member will do after the meeting; open items come back in the next meeting of the series.</summary>
/// <param name="Id">Its id, the same in every meeting it is carried into.</param>
/// <param name="Text">What is to be done, 1–1,000 characters.</param>
/// <param name="Owner">Who does it, if someone was named.</param>
/// <param name="OwnerName">Their name then.</param>
/// <param name="Due">By when, in the session's zone, if given.</param>
/// <param name="Done">Whether it is done.</param>
/// <param name="CreatedAt">When it was marked.</param>
/// <param name="From">The session where it was first marked.</param>
[GenerateSerializer, Immutable, Alias("coplive.ActionItem")]
public sealed record ActionItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] MemberId? Owner,
    [property: Id(3)] string? OwnerName,
    [property: Id(4)] LocalDate? Due,
    [property: Id(5)] bool Done,
    [property: Id(6)] Instant CreatedAt,
    [property: Id(7)] SessionId From);
