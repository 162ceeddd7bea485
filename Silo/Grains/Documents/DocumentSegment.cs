using System.Collections.Immutable;
using CopLive.Grains.Documents;

namespace CopLive.Silo.Grains.Documents;

/// <summary>One archived stretch of a document's history.</summary>
/// <param name="Index">Segment number: it holds versions Index × size + 1 through (Index + 1) × size.</param>
/// <param name="Ops">The ops, in order.</param>
/// <param name="CheckpointText">The text just before the first op, on checkpoint segments.</param>
[GenerateSerializer, Immutable, Alias("coplive.DocumentSegment")]
public sealed record DocumentSegment(
    [property: Id(0)] long Index,
    [property: Id(1)] ImmutableArray<CommittedOp> Ops,
    [property: Id(2)] string? CheckpointText);
