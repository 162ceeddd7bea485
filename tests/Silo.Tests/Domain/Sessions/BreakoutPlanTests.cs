using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Sessions;

namespace CopLive.Silo.Tests.Domain.Sessions;

public sealed class BreakoutPlanTests
{
    private static readonly MemberId[] Present = [MemberId.New(), MemberId.New(), MemberId.New(), MemberId.New(), MemberId.New()];

    [Fact]
    public void AnAutomaticRound_SpreadsMembersEvenly_InTheOrderTheyArrived()
    {
        var plan = BreakoutPlan.From(new BreakoutSpec(2, default, BreakoutMode.Auto, 15, default), Present);

        Assert.Equal(["Room 1", "Room 2"], plan.Names);
        Assert.Equal(15, plan.Minutes);
        Assert.Equal([0, 1, 0, 1, 0], Present.Select(m => plan.Placement[m]));
    }

    [Fact]
    public void AManualRound_PlacesOnlyWhomItNames_AndRefusesSomeoneAbsent()
    {
        var plan = BreakoutPlan.From(new BreakoutSpec(0, ["Fractions", "Decimals"], BreakoutMode.Manual, 10,
            [new RoomAssignment(Present[0], 1), new RoomAssignment(Present[1], 0)]), Present);
        var absent = Assert.Throws<CopLiveException>(() => BreakoutPlan.From(
            new BreakoutSpec(2, default, BreakoutMode.Manual, 10, [new RoomAssignment(MemberId.New(), 0)]), Present));

        Assert.Equal(["Fractions", "Decimals"], plan.Names);
        Assert.Equal(2, plan.Placement.Count);
        Assert.Equal(1, plan.Placement[Present[0]]);
        Assert.Equal("assignments[0].member", absent.Field);
    }

    [Fact]
    public void ASelfSelectRound_PlacesNobody()
    {
        var plan = BreakoutPlan.From(new BreakoutSpec(3, default, BreakoutMode.Self, 10, default), Present);

        Assert.Empty(plan.Placement);
    }

    [Theory]
    [InlineData(0, 10, "rooms")]
    [InlineData(21, 10, "rooms")]
    [InlineData(6, 10, "rooms")]
    [InlineData(2, 0, "minutes")]
    [InlineData(2, 241, "minutes")]
    public void ARequestOutOfRange_IsRefused_NamingTheField(int rooms, int minutes, string field)
    {
        var refusal = Assert.Throws<CopLiveException>(() => BreakoutPlan.From(new BreakoutSpec(rooms, default, BreakoutMode.Auto, minutes, default), Present));

        Assert.Equal(CopLiveError.InvalidArgument, refusal.Code);
        Assert.Equal(field, refusal.Field);
    }
    [Fact]
    public void StandingGroups_SendEachMemberBackToTheirGroup_WrapWhenThereAreFewerRooms_AndFillTheSmallestWithNewcomers()
    {
        var (a, b, c, d, e) = (MemberId.New(), MemberId.New(), MemberId.New(), MemberId.New(), MemberId.New());
        var groups = new Dictionary<MemberId, int> { [a] = 0, [b] = 1, [c] = 2, [d] = 0 };
        var spec = new BreakoutSpec(3, [], BreakoutMode.Auto, 10, []);

        var kept = BreakoutPlan.From(spec, [e, d, c, b, a], groups).Placement;
        var fewer = BreakoutPlan.From(spec with { Rooms = 2 }, [a, b, c, d], groups).Placement;

        Assert.Equal((0, 1, 2, 0, 1), (kept[a], kept[b], kept[c], kept[d], kept[e]));
        Assert.Equal((0, 1, 0, 0), (fewer[a], fewer[b], fewer[c], fewer[d]));
    }
}
