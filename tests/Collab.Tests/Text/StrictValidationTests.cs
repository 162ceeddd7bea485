using CopLive.Collab.Text;

namespace CopLive.Collab.Tests.Text;

/// <summary>Ops are refused, never rewritten: what the reference would quietly normalize or mis-apply is an error here.</summary>
public sealed class StrictValidationTests
{
    [Theory]
    [InlineData("[3]", "trailing skip")]
    [InlineData("[1, 2, \"x\"]", "both skips")]
    [InlineData("[\"a\", \"b\"]", "both inserts")]
    [InlineData("[{\"d\": 1}, {\"d\": \"x\"}]", "both deletes")]
    [InlineData("[0, \"x\"]", "at least 1")]
    [InlineData("[-2, \"x\"]", "at least 1")]
    [InlineData("[1.5, \"x\"]", "integer")]
    [InlineData("[\"\"]", "empty")]
    [InlineData("[{\"d\": 0}]", "at least 1")]
    [InlineData("[{\"d\": \"\"}]", "empty")]
    [InlineData("[{\"d\": 1, \"x\": 2}]", "not allowed")]
    [InlineData("[{}]", "needs")]
    [InlineData("[true]", "must be")]
    [InlineData("[null]", "must be")]
    [InlineData("{\"d\": 1}", "array")]
    [InlineData("[\"\\ud83d\"]", "lone surrogate")]
    [InlineData("[{\"d\": \"a\\udc00\"}]", "lone surrogate")]
    [InlineData("[2147483648, \"x\"]", "integer")]
    [InlineData("[1,", "not valid JSON")]
    public void Parse_RefusesWhatIsNotANormalizedOp(string json, string reason)
    {
        var error = Assert.Throws<InvalidOpException>(() => TextOpJson.Parse(json));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Parse_AcceptsTheEmptyOp() => Assert.True(TextOpJson.Parse("[]").IsNoop);

    [Theory]
    [InlineData("abc", "[4, \"x\"]")]
    [InlineData("abc", "[{\"d\": 4}]")]
    [InlineData("abc", "[3, {\"d\": 1}]")]
    [InlineData("a😀", "[3, \"x\"]")]
    public void Apply_RefusesAnOpThatRunsPastTheEnd(string doc, string op)
    {
        var error = Assert.Throws<InvalidOpException>(() => TextType.Apply(doc, TextOpJson.Parse(op)));

        Assert.Contains("past the end", error.Message);
    }

    [Fact]
    public void Apply_RefusesADeleteNamingOtherText()
    {
        var error = Assert.Throws<InvalidOpException>(() => TextType.Apply("hello", TextOpJson.Parse("[1, {\"d\": \"x\"}]")));

        Assert.Contains("names text", error.Message);
    }

    [Theory]
    [InlineData("a😀b", "[1, {\"d\": 1}]", "ab")]
    [InlineData("a😀b", "[2, \"é\"]", "a😀éb")]
    [InlineData("e\u0301x", "[1, {\"d\": \"\u0301\"}]", "ex")]
    [InlineData("👍🏽!", "[2, \"?\"]", "👍🏽?!")]
    public void Apply_CountsCodePoints_NotUtf16Units(string doc, string op, string expected) =>
        Assert.Equal(expected, TextType.Apply(doc, TextOpJson.Parse(op)));

    [Fact]
    public void Invert_RefusesCountOnlyDeletes() =>
        Assert.Throws<InvalidOpException>(() => TextType.Invert(TextOpJson.Parse("[1, {\"d\": 2}]")));

    [Fact]
    public void Create_RefusesDefaultComponents() =>
        Assert.Throws<InvalidOpException>(() => TextOp.Create(default(OpComponent)));

    [Fact]
    public void Serialize_WritesTheReferenceNotation() =>
        Assert.Equal("[2,\"hé\",{\"d\":3},1,{\"d\":\"x\"}]",
            TextOpJson.Serialize(TextOp.Create(OpComponent.Skip(2), OpComponent.Insert("hé"), OpComponent.Delete(3), OpComponent.Skip(1), OpComponent.Delete("x"))));

    [Fact]
    public void Serialize_KeepsAstralCharactersIntact()
    {
        var op = TextOp.Create(OpComponent.Insert("👍🏽 𝒳"));

        Assert.Equal(op, TextOpJson.Parse(TextOpJson.Serialize(op)));
        Assert.Equal(4, op[0].Length);
    }
}
