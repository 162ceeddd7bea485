namespace CopLive.Grains.Communities;

/// <summary>What an administrator supplies to create a community.</summary>
/// <param name="Name">Display name, 1–200 characters.</param>
/// <param name="Description">Optional description, up to 2,000 characters.</param>
/// <param name="TimeZone">IANA time zone id in which the community meets (for example <c>America/Chicago</c>).</param>
[GenerateSerializer, Immutable, Alias("coplive.NewCommunity")]
public sealed record NewCommunity(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string TimeZone);
