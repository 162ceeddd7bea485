using System.Collections.Immutable;

namespace CopLive.Grains.Documents;

/// <summary>Committed ops in version order, for catch-up after a reconnect.</summary>
/// <param name="Ops">The ops, each with its version.</param>
/// <param name="HeadVersion">The document's version when read.</param>
[GenerateSerializer, Immutable, Alias("coplive.OpsPage")]
public sealed record OpsPage([property: Id(0)] ImmutableArray<CommittedOp> Ops, [property: Id(1)] long HeadVersion);
