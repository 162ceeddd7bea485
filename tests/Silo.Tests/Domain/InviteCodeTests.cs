using CopLive.Grains.Invites;

namespace CopLive.Silo.Tests.Domain;

public sealed class InviteCodeTests
{
    [Fact]
    public void New_PrintsInGroupsOfFour_AndParsesBackToTheSameHash()
    {
        var code = InviteCode.New();

        var printed = code.ToString();

        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", printed);
        Assert.True(InviteCode.TryParse(printed, out var parsed));
        Assert.Equal(code.Hash, parsed.Hash);
    }

    [Theory]
    [InlineData("k7qm-2xhd-9rta-wb4e")]
    [InlineData("K7QM 2XHD 9RTA WB4E")]
    [InlineData("K7QM2XHD9RTAWB4E")]
    public void TryParse_IgnoresCaseSpacesAndDashes(string typed)
    {
        Assert.True(InviteCode.TryParse(typed, out var code));
        Assert.Equal("K7QM-2XHD-9RTA-WB4E", code.ToString());
    }

    [Fact]
    public void TryParse_ReadsLookAlikesAsDigits()
    {
        Assert.True(InviteCode.TryParse("OIL0-0000-0000-0000", out var code));
        Assert.Equal("0110-0000-0000-0000", code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7QM-2XHD-9RTA")]
    [InlineData("K7QM-2XHD-9RTA-WB4E-X")]
    [InlineData("K7QM-2XHD-9RTA-WB4U")]
    [InlineData("K7QM-2XHD-9RTA-WB4!")]
    public void TryParse_RejectsWhatCannotBeACode(string? typed) => Assert.False(InviteCode.TryParse(typed, out _));
}
