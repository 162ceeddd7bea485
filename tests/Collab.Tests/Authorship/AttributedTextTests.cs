using CopLive.Collab.Authorship;
using CopLive.Collab.Tests.Text;
using CopLive.Collab.Text;
using CsCheck;

namespace CopLive.Collab.Tests.Authorship;

public sealed class AttributedTextTests
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid[] Authors = [Ana, Ben, Guid.Parse("00000000-0000-0000-0000-00000000000c")];

    [Fact]
    public void Apply_TracksWhoWroteEachCodePoint()
    {
        var text = new AttributedText("hello");
        text.Apply(TextOpJson.Parse("[5, \" wörld 🌍\"]"), Ana);
        text.Apply(TextOpJson.Parse("[1, {\"d\": 3}, \"EY\"]"), Ben);

        Assert.Equal("hEYo wörld 🌍", text.Text);
        Assert.Equal([new(Guid.Empty, 1), new(Ben, 2), new(Guid.Empty, 1), new(Ana, 8)], text.Runs);
        Assert.Equal(8, text.CharactersByAuthor()[Ana]);
    }

    [Fact]
    public void Apply_MergesNeighbouringRunsOfOneAuthor()
    {
        var text = new AttributedText("");
        text.Apply(TextOpJson.Parse("[\"ab\"]"), Ana);
        text.Apply(TextOpJson.Parse("[2, \"cd\"]"), Ana);

        Assert.Equal([new AuthorRun(Ana, 4)], text.Runs);
    }

    [Fact]
    public void Apply_WithGivenRuns_KeepsTheAuthorshipOfMergedText()
    {
        var text = new AttributedText("abc", Ana);
        text.Apply(TextOpJson.Parse("[3, \"xyz\"]"), _ => [new AuthorRun(Ben, 1), new AuthorRun(Ana, 2)]);

        Assert.Equal([new AuthorRun(Ana, 3), new AuthorRun(Ben, 1), new AuthorRun(Ana, 2)], text.Runs);
    }

    [Fact]
    public void Apply_WithRunsThatDoNotCoverTheInsert_ThrowsAndChangesNothing()
    {
        var text = new AttributedText("abc", Ana);

        var error = Assert.Throws<InvalidOpException>(() => text.Apply(TextOpJson.Parse("[3, \"xyz\"]"), _ => [new AuthorRun(Ben, 2)]));

        Assert.Contains("covers 2 code points, not 3", error.Message);
        Assert.Equal("abc", text.Text);
        Assert.Equal([new AuthorRun(Ana, 3)], text.Runs);
    }

    [Fact]
    public void Constructing_WithRunsThatDoNotCoverTheText_Throws() =>
        Assert.Throws<ArgumentException>(() => new AttributedText("abc", [new AuthorRun(Ana, 2)]));

    [Theory]
    [InlineData("[3, \"z\", {\"d\": 4}]")]
    [InlineData("[1, {\"d\": \"xb\"}]")]
    [InlineData("[2, {\"d\": 5}]")]
    public void Apply_OfAnOpThatDoesNotFit_ThrowsWhatTheTextTypeThrows_AndChangesNothing(string json)
    {
        var text = new AttributedText("abcd", Ana);
        text.Apply(TextOpJson.Parse("[2, \"xy\"]"), Ben);
        var op = TextOpJson.Parse(json);

        var error = Assert.Throws<InvalidOpException>(() => text.Apply(op, Ben));

        Assert.Equal(Assert.Throws<InvalidOpException>(() => TextType.Apply("abxycd", op)).Message, error.Message);
        Assert.Equal("abxycd", text.Text);
        Assert.Equal([new AuthorRun(Ana, 2), new AuthorRun(Ben, 2), new AuthorRun(Ana, 2)], text.Runs);
        Assert.Equal(6, text.Length);
    }

    [Fact]
    public void Apply_GivesTheTextTypesText_AndAnAuthorPerCodePoint_OverRandomEditSequences_AcrossChunkBoundaries()
    {
        // Chunks of one to eight code points, so edits keep landing on, across and between chunk boundaries, and
        // three authors take turns, so they land inside, beside and across each other's runs.
        var cases = Gen.Int[1, 8].SelectMany(chunkSize => Generators.Document.SelectMany(doc =>
            Gen.Int[1, 12].SelectMany(n => Edits(doc, n)).Select(edits => (chunkSize, doc, edits))));
        cases.Sample((chunkSize, doc, edits) =>
        {
            var text = new AttributedText(doc, [new AuthorRun(Guid.Empty, CodePoints.Count(doc))], chunkSize);
            var expected = doc;
            var model = Enumerable.Repeat(Guid.Empty, CodePoints.Count(doc)).ToList();
            foreach (var (author, op) in edits)
            {
                text.Apply(op, Authors[author]);
                expected = TextType.Apply(expected, op);
                ApplyToModel(model, op, Authors[author]);
            }
            var expanded = text.Runs.SelectMany(r => Enumerable.Repeat(r.Author, r.Length)).ToList();
            return text.Text == expected
                && text.Length == CodePoints.Count(expected)
                && expanded.SequenceEqual(model)
                && text.Runs.All(r => r.Length > 0)
                && text.Runs.Zip(text.Runs.Skip(1)).All(pair => pair.First.Author != pair.Second.Author);
        }, iter: 5_000);
    }

    [Fact]
    public void Apply_KeepsTheCountsOfEachAuthor_OverRandomEdits() =>
        Gen.Int[1, 8].SelectMany(chunkSize => Generators.Sequential.Select(c => (chunkSize, c.Document, c.A, c.B))).Sample((chunkSize, doc, a, b) =>
        {
            var text = new AttributedText(doc, [new AuthorRun(Guid.Empty, CodePoints.Count(doc))], chunkSize);
            text.Apply(a, Ana);
            text.Apply(b, Ben);
            var inserted = b.Where(c => c.Kind == ComponentKind.Insert).Sum(c => c.Length);
            return text.CharactersByAuthor().GetValueOrDefault(Ben) == inserted
                && text.CharactersByAuthor().Values.Sum() == text.Length;
        }, iter: 5_000);

    [Fact]
    public void Apply_OnALongDocument_EditsTheMiddle_AndKeepsTheRest()
    {
        // Several default-size chunks, with a pair of surrogates across where a chunk would be cut.
        var start = new string('a', AttributedText.DefaultChunkSize - 1) + "😀" + new string('b', 3 * AttributedText.DefaultChunkSize);
        var text = new AttributedText(start, Ana);
        var middle = AttributedText.DefaultChunkSize + 10;

        text.Apply(TextOp.Create(OpComponent.Skip(middle), OpComponent.Insert("ü😀")), Ben);
        text.Apply(TextOp.Create(OpComponent.Skip(AttributedText.DefaultChunkSize - 2), OpComponent.Delete("a😀b")), Ben);

        var expected = TextType.Apply(
            TextType.Apply(start, TextOp.Create(OpComponent.Skip(middle), OpComponent.Insert("ü😀"))),
            TextOp.Create(OpComponent.Skip(AttributedText.DefaultChunkSize - 2), OpComponent.Delete("a😀b")));
        Assert.Equal(expected, text.Text);
        Assert.Equal([new AuthorRun(Ana, middle - 3), new AuthorRun(Ben, 2), new AuthorRun(Ana, CodePoints.Count(expected) - (middle - 3) - 2)], text.Runs);
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
