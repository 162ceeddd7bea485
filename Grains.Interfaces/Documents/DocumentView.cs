using CopLive.Grains.Ids;

namespace CopLive.Grains.Documents;

/// <summary>A document's text at a version.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DocumentView")]
public sealed record DocumentView(
    [property: Id(0)] DocumentId Id,
    [property: Id(1)] CommunityId Community,
    [property: Id(2)] string Title,
    [property: Id(3)] long Version,
    [property: Id(4)] string Text,
    [property: Id(5)] long HeadVersion,
    [property: Id(6)] bool Locked = false);
