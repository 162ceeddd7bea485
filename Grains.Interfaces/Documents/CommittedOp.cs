using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Documents;

/// <summary>
/// An op as committed: it turned version <c>Version - 1</c> into <see cref="Version"/>. Its inserts were written by
/// <see cref="Author"/>, unless <see cref="InsertAuthors"/> says otherwise (text merged from elsewhere keeps its authors).
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.CommittedOp")]
public sealed record CommittedOp(
    [property: Id(0)] long Version,
    [property: Id(1)] TextOp Op,
    [property: Id(2)] MemberId Author,
    [property: Id(3)] string ClientId,
    [property: Id(4)] long Seq,
    [property: Id(5)] Instant At,
    [property: Id(6)] ImmutableArray<AuthorSpan> InsertAuthors = default);
