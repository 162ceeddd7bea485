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
}
