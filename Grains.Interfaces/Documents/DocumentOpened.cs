using System.Collections.Immutable;

namespace CopLive.Grains.Documents;

/// <summary>What a client needs to start editing: the text at a version and everyone's cursors at that version.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DocumentOpened")]
public sealed record DocumentOpened(
    [property: Id(0)] DocumentView Document,
    [property: Id(1)] ImmutableArray<DocumentCursor> Cursors);
