using CopLive.Collab.Authorship;
using CopLive.Collab.Tests.Text;
using CopLive.Collab.Text;
using CsCheck;

namespace CopLive.Collab.Tests.Authorship;

public sealed class AuthorshipMapTests
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void Apply_TracksWhoWroteEachCodePoint()
    {
        var map = new AuthorshipMap(5); // "hello", starting text
        map.Apply(TextOpJson.Parse("[5, \" wörld 🌍\"]"), Ana);
        map.Apply(TextOpJson.Parse("[1, {\"d\": 3}, \"EY\"]"), Ben);

        Assert.Equal([new(Guid.Empty, 1), new(Ben, 2), new(Guid.Empty, 1), new(Ana, 8)], map.Runs);
        Assert.Equal(8, map.CharactersByAuthor()[Ana]);
    }

    [Fact]
    public void Apply_MergesNeighbouringRunsOfOneAuthor()
    {
        var map = new AuthorshipMap(0);
        map.Apply(TextOpJson.Parse("[\"ab\"]"), Ana);
        map.Apply(TextOpJson.Parse("[2, \"cd\"]"), Ana);

        Assert.Equal([new AuthorRun(Ana, 4)], map.Runs);
    }

    [Fact]
    public void Apply_WithGivenRuns_KeepsTheAuthorshipOfMergedText()
    {
        var map = new AuthorshipMap(3, Ana);
        map.Apply(TextOpJson.Parse("[3, \"xyz\"]"), _ => [new AuthorRun(Ben, 1), new AuthorRun(Ana, 2)]);

        Assert.Equal([new AuthorRun(Ana, 3), new AuthorRun(Ben, 1), new AuthorRun(Ana, 2)], map.Runs);
        Assert.Equal([new AuthorRun(Ben, 1), new AuthorRun(Ana, 1)], map.Slice(3, 5));
    }

    [Fact]
    public void Apply_StaysTheLengthOfTheText_OverRandomEdits() =>
        Generators.Sequential.Sample((doc, a, b) =>
        {
            var map = new AuthorshipMap(CodePoints.Count(doc));
            map.Apply(a, Ana);
            map.Apply(b, Ben);
            var text = TextType.Apply(TextType.Apply(doc, a), b);
            var inserted = b.Where(c => c.Kind == ComponentKind.Insert).Sum(c => c.Length);
            return map.Length == CodePoints.Count(text)
                && map.CharactersByAuthor().GetValueOrDefault(Ben) == inserted
                && map.Runs.Zip(map.Runs.Skip(1)).All(pair => pair.First.Author != pair.Second.Author);
        }, iter: 5_000);

    [Fact]
    public void Apply_AgreesWithAnAuthorPerCodePoint_OverRandomEditSequences()
    {
        // Three authors take turns, so edits keep landing inside, beside and across each other's runs.
        Guid[] authors = [Ana, Ben, Guid.Parse("00000000-0000-0000-0000-00000000000c")];
        var cases = Generators.Document.SelectMany(doc => Gen.Int[1, 12].SelectMany(n => Edits(doc, n)).Select(edits => (doc, edits)));
        cases.Sample((doc, edits) =>
        {
            var map = new AuthorshipMap(CodePoints.Count(doc));
            var model = Enumerable.Repeat(Guid.Empty, CodePoints.Count(doc)).ToList();
            foreach (var (author, op) in edits)
            {
                map.Apply(op, authors[author]);
                ApplyToModel(model, op, authors[author]);
            }
            var expanded = map.Runs.SelectMany(r => Enumerable.Repeat(r.Author, r.Length)).ToList();
            return expanded.SequenceEqual(model)
                && map.Length == model.Count
                && map.Runs.All(r => r.Length > 0)
                && map.Runs.Zip(map.Runs.Skip(1)).All(pair => pair.First.Author != pair.Second.Author);
        }, iter: 5_000);
    }

    [Fact]
    public void Apply_OfAnOpPastTheEnd_ThrowsAndChangesNothing()
    {
        var map = new AuthorshipMap(4, Ana);
        map.Apply(TextOpJson.Parse("[2, \"xy\"]"), Ben);

        Assert.Throws<InvalidOpException>(() => map.Apply(TextOpJson.Parse("[3, \"z\", {\"d\": 4}]"), Ben));

        Assert.Equal([new AuthorRun(Ana, 2), new AuthorRun(Ben, 2), new AuthorRun(Ana, 2)], map.Runs);
        Assert.Equal(6, map.Length);
    }

    /// <summary><paramref name="count"/> ops in sequence from <paramref name="text"/>, each by one of three authors.</summary>
    private static Gen<List<(int Author, TextOp Op)>> Edits(string text, int count) =>
        count == 0
            ? Gen.Const(() => new List<(int Author, TextOp Op)>())
            : Gen.Int[0, 2].SelectMany(author => Generators.OpFor(text).SelectMany(op =>
                Edits(TextType.Apply(text, op), count - 1).Select(rest =>
                {
                    rest.Insert(0, (author, op));
                    return rest;
                })));

    private static void ApplyToModel(List<Guid> model, TextOp op, Guid author)
    {
        var position = 0;
        foreach (var c in op)
        {
            switch (c.Kind)
            {
                case ComponentKind.Skip:
                    position += c.Length;
                    break;
                case ComponentKind.Insert:
                    model.InsertRange(position, Enumerable.Repeat(author, c.Length));
                    position += c.Length;
                    break;
                default:
                    model.RemoveRange(position, c.Length);
                    break;
            }
        }
    }
}
