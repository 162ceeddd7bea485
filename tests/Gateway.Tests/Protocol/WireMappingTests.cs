using CopLive.Gateway.Wire;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Sessions;
using FromGrain = CopLive.Grains;
using OnWire = CopLive.Protocol;

namespace CopLive.Gateway.Tests.Protocol;

/// <summary>Every value a grain can return has a twin on the wire, and every request value one in the grains.</summary>
public sealed class WireMappingTests
{
    [Fact]
    public void EveryGrainEnumValue_HasItsWireTwin()
    {
        AssertTwins<FromGrain.Sessions.SessionStatus, OnWire.Sessions.SessionStatus>(v => v.ToWire());
        AssertTwins<FromGrain.Sessions.AgendaStatus, OnWire.Sessions.AgendaStatus>(v => v.ToWire());
        AssertTwins<FromGrain.Sessions.BreakoutMode, OnWire.Sessions.BreakoutMode>(v => v.ToWire());
        AssertTwins<CommunityRole, MemberRole>(v => v.ToWire());
        AssertTwins<FromGrain.Rooms.RoomKind, OnWire.Rooms.RoomKind>(v => v.ToWire());
        AssertTwins<FromGrain.Rooms.HelpStatus, OnWire.Rooms.HelpStatus>(v => v.ToWire());
        AssertTwins<CopLiveError, RefusalCode>(v => v.ToWire());
        AssertTwins<OnWire.Sessions.BreakoutMode, FromGrain.Sessions.BreakoutMode>(v => v.ToGrain());
    }

    private static void AssertTwins<TFrom, TTo>(Func<TFrom, TTo> convert)
        where TFrom : struct, Enum
        where TTo : struct, Enum
    {
        var values = Enum.GetValues<TFrom>();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(v.ToString(), convert(v).ToString()));
    }
}
