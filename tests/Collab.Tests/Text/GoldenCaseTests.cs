using System.Text.Json;
using CopLive.Collab.Text;

namespace CopLive.Collab.Tests.Text;

/// <summary>
/// Our engine against the reference implementation, ot-text-unicode@4.0.0: every result of
/// <c>Golden/golden.json</c> was computed by it (<c>Golden/generate.mjs</c>), and ours must be identical.
/// </summary>
public sealed class GoldenCaseTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Golden.Value.Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    private static readonly Lazy<IReadOnlyList<JsonElement>> Golden = new(() =>
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "golden.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray()];
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_MatchesTheReference(int index)
    {
        var c = Golden.Value[index];
        var doc = c.GetProperty("doc").GetString()!;
        var a = Op(c, "a");
        var b = Op(c, "b");
        var next = Op(c, "c");

        Assert.Equal(c.GetProperty("applyA").GetString(), TextType.Apply(doc, a));
        Assert.Equal(Op(c, "transformLeft"), TextType.Transform(a, b, Side.Left));
        Assert.Equal(Op(c, "transformRight"), TextType.Transform(a, b, Side.Right));
        Assert.Equal(Op(c, "composeAC"), TextType.Compose(a, next));
        Assert.Equal(c.GetProperty("applyComposeAC").GetString(), TextType.Apply(doc, TextType.Compose(a, next)));
        Assert.Equal(Op(c, "invertA"), TextType.Invert(TextType.MakeInvertible(a, doc)));
        var cursors = c.GetProperty("cursors").EnumerateArray().Select(e => e.GetInt32());
        Assert.Equal(
            c.GetProperty("cursorsAfterA").EnumerateArray().Select(e => e.GetInt32()),
            cursors.Select(p => TextType.TransformPosition(p, a)));
    }

    [Fact]
    public void GoldenFile_HasTheCasesItClaims() => Assert.Equal(600, Golden.Value.Count);

    private static TextOp Op(JsonElement c, string name) => TextOpJson.Parse(c.GetProperty(name));
}
