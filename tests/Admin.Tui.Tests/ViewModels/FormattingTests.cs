using CopLive.Admin.Tui.ViewModels;
using NodaTime;

namespace CopLive.Admin.Tui.Tests.ViewModels;

/// <summary>Countdowns, sparklines, wrapping and screen names.</summary>
public sealed class FormattingTests
{
    [Theory]
    [InlineData(270, "4:30")]
    [InlineData(3725, "1:02:05")]
    [InlineData(-65, "+1:05 over")]
    [InlineData(0, "0:00")]
    public void Countdown_ShowsTimeLeftOrOvertime(int seconds, string expected)
    {
        var now = Instant.FromUtc(2026, 11, 28, 16, 0);

        Assert.Equal(expected, Countdown.Until(now + Duration.FromSeconds(seconds), now));
    }

    [Fact]
    public void Sparkline_ScalesToTheMaximum_AndKeepsTheNewestValues()
    {
        Assert.Equal("▁▅█", Sparkline.Render([0, 5, 10], 3));
        Assert.Equal("▅█", Sparkline.Render([100, 5, 10], 2));
        Assert.Equal("▁▁", Sparkline.Render([0, 0], 10));
        Assert.Equal("", Sparkline.Render([], 10));
    }

    [Fact]
    public void Wrap_BreaksAtSpaces_NeverInsideACharacter()
    {
        Assert.Equal(["fractions", "on a", "number", "line"], TextWrap.Lines(["fractions on a number line"], 9));
        Assert.Equal(["🍕🍕", "🍕"], TextWrap.Lines(["🍕🍕🍕"], 2));
        Assert.Equal(["", "é"], TextWrap.Lines(["", "é"], 5));
    }

    [Fact]
    public void Navigator_JumpsByUniquePrefix_AndGoesBackAlongItsTrail()
    {
        var navigator = new Navigator(new Route(Screen.Sessions));
        navigator.Push(new Route(Screen.Rooms, Title: "Tuning protocol"));

        Assert.Equal([Screen.Sessions, Screen.Rooms], navigator.Trail.Select(r => r.Screen));
        Assert.Null(navigator.Jump("COMM"));
        Assert.Equal(Screen.Communities, navigator.Current.Screen);
        Assert.False(navigator.Back());
        Assert.Contains("No screen called 'x'", navigator.Jump("x"));
    }
}
