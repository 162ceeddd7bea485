using CopLive.Collab.Text;

namespace CopLive.Collab.Tests.Text;

public sealed class TextOpAtTests
{
    [Theory]
    [InlineData(0, "[\"x😀\"]")]
    [InlineData(3, "[3,\"x😀\"]")]
    public void At_PutsAnInsertAtThePosition_WithoutAnEmptySkip(int position, string json) =>
        Assert.Equal(TextOpJson.Parse(json), TextOp.At(position, OpComponent.Insert("x😀")));

    [Fact]
    public void At_PutsADeleteAtThePosition() =>
        Assert.Equal(TextOpJson.Parse("[2, {\"d\": 1}]"), TextOp.At(2, OpComponent.Delete(1)));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void At_RefusesASkip_WhichWouldTrail(int position) =>
        Assert.Throws<InvalidOpException>(() => TextOp.At(position, OpComponent.Skip(2)));

    [Fact]
    public void At_RefusesANegativePosition() =>
        Assert.Throws<InvalidOpException>(() => TextOp.At(-1, OpComponent.Insert("x")));
}
