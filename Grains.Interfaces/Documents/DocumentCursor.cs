using CopLive.Grains.Ids;

namespace CopLive.Grains.Documents;

/// <summary>Where one client's caret and selection are, in code points of the current version.</summary>
/// <param name="Member">Whose cursor.</param>
/// <param name="DisplayName">Their name, for the label next to the caret.</param>
/// <param name="ClientId">Which of their clients (a person may have two tabs open).</param>
/// <param name="Anchor">Selection start.</param>
/// <param name="Head">Caret position.</param>
[GenerateSerializer, Immutable, Alias("coplive.DocumentCursor")]
public sealed record DocumentCursor(
    [property: Id(0)] MemberId Member,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string ClientId,
    [property: Id(3)] int Anchor,
    [property: Id(4)] int Head);
