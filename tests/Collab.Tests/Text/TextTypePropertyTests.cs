using CopLive.Collab.Text;
using CsCheck;

namespace CopLive.Collab.Tests.Text;

/// <summary>The algebra of the type over thousands of random documents and concurrent edits.</summary>
public sealed class TextTypePropertyTests
{
    private const long Iterations = 5_000;

    [Fact]
    public void Transform_Converges_WhicheverOrderTheOpsArrive() =>
        Generators.Concurrent.Sample((doc, a, b) =>
        {
            var viaA = TextType.Apply(TextType.Apply(doc, a), TextType.Transform(b, a, Side.Right));
            var viaB = TextType.Apply(TextType.Apply(doc, b), TextType.Transform(a, b, Side.Left));
            return viaA == viaB;
        }, iter: Iterations);

    [Fact]
    public void Transform_KeepsEveryInsertOfBothOps() =>
        Generators.Concurrent.Sample((doc, a, b) =>
        {
            var merged = TextType.Apply(TextType.Apply(doc, a), TextType.Transform(b, a, Side.Right));
            var inserted = a.Concat(b).Where(c => c.Kind == ComponentKind.Insert).Sum(c => c.Length);
            var deletedAtMost = a.Concat(b).Where(c => c.Kind == ComponentKind.Delete).Sum(c => c.Length);
            var length = CodePoints.Count(merged);
            return length >= CodePoints.Count(doc) + inserted - deletedAtMost && length <= CodePoints.Count(doc) + inserted;
        }, iter: Iterations);

    [Fact]
    public void Transform_ProducesNormalizedOps() =>
        Generators.Concurrent.Sample((doc, a, b) =>
        {
            var t = TextType.Transform(a, b, Side.Left);
            return TextType.Normalize(t).Equals(t) && Equals(TextOp.Create([.. t]), t);
        }, iter: Iterations);

    [Fact]
    public void Compose_ThenApply_EqualsApplyingInTurn() =>
        Generators.Sequential.Sample((doc, a, b) =>
            TextType.Apply(doc, TextType.Compose(a, b)) == TextType.Apply(TextType.Apply(doc, a), b), iter: Iterations);

    // Transforming against a composed range is NOT equivalent to transforming against its parts for this type
    // (insert ties at one position can resolve differently), which is why the document grain transforms a
    // submission against each committed op in turn. Composition itself is associative:
    [Fact]
    public void Compose_IsAssociative() =>
        Generators.Sequential
            .SelectMany(t => Generators.OpFor(TextType.Apply(TextType.Apply(t.Document, t.A), t.B)).Select(c => (t.Document, t.A, t.B, c)))
            .Sample((doc, a, b, c) =>
                TextType.Apply(doc, TextType.Compose(TextType.Compose(a, b), c)) == TextType.Apply(doc, TextType.Compose(a, TextType.Compose(b, c))),
                iter: Iterations);

    [Fact]
    public void Transform_ByTheEmptyOp_ChangesNothing() =>
        Generators.Concurrent.Sample((_, a, _) =>
            TextType.Transform(a, TextOp.Empty, Side.Left).Equals(a) && TextType.Transform(TextOp.Empty, a, Side.Right).IsNoop,
            iter: Iterations);

    [Fact]
    public void Invert_UndoesAnInvertibleOp() =>
        Generators.Document.SelectMany(d => Generators.OpFor(d).Select(a => (d, a))).Sample((doc, a) =>
        {
            var invertible = TextType.MakeInvertible(a, doc);
            return TextType.Apply(TextType.Apply(doc, invertible), TextType.Invert(invertible)) == doc
                && TextType.Apply(doc, invertible) == TextType.Apply(doc, a);
        }, iter: Iterations);

    [Fact]
    public void TransformPosition_StaysWithinTheNewDocument() =>
        Generators.Document.SelectMany(d => Generators.OpFor(d).SelectMany(a => Gen.Int[0, CodePoints.Count(d)].Select(p => (d, a, p))))
            .Sample((doc, a, position) =>
            {
                var moved = TextType.TransformPosition(position, a);
                return moved >= 0 && moved <= CodePoints.Count(TextType.Apply(doc, a));
            }, iter: Iterations);

    [Fact]
    public void Json_RoundTripsEveryOp() =>
        Generators.Concurrent.Sample((_, a, _) => TextOpJson.Parse(TextOpJson.Serialize(a)).Equals(a), iter: Iterations);

    [Fact]
    public void Json_OfALargeOp_ThenOfSmallOnes_IsExact()
    {
        // A paste larger than the buffer the serializer keeps between calls, then ops that reuse a fresh one.
        var paste = TextOp.Create(OpComponent.Skip(3), OpComponent.Insert(string.Concat(Enumerable.Repeat("é😀 ", 30_000))));
        var small = TextOp.Create(OpComponent.Skip(1), OpComponent.Delete("ab"));

        Assert.Equal(paste, TextOpJson.Parse(TextOpJson.Serialize(paste)));
        Assert.Equal("[1,{\"d\":\"ab\"}]", TextOpJson.Serialize(small));
        Assert.Equal("[\"é\"]", TextOpJson.Serialize(TextOp.Create(OpComponent.Insert("é"))));
    }
}
