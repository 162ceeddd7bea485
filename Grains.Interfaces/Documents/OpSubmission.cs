using CopLive.Collab.Text;

namespace CopLive.Grains.Documents;

/// <summary>An edit as a client submits it.</summary>
/// <param name="ClientId">Identifies the submitting client instance (one browser tab); with <paramref name="Seq"/> it makes resubmissions recognisable.</param>
/// <param name="Seq">Increases with each op of that client (may skip).</param>
/// <param name="BaseVersion">The document version the op was made on.</param>
/// <param name="Op">The edit.</param>
[GenerateSerializer, Immutable, Alias("coplive.OpSubmission")]
public sealed record OpSubmission(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long Seq,
    [property: Id(2)] long BaseVersion,
    [property: Id(3)] TextOp Op);
