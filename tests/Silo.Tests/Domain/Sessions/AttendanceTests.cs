using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Sessions;
using NodaTime;

namespace CopLive.Silo.Tests.Domain.Sessions;

public sealed class AttendanceTests
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 12, 4, 9, 0);
    private static readonly CommunityMember Ana = new(MemberId.New(), "Ana", CommunityRole.Member, Nine);
    private static readonly CommunityMember Ben = new(MemberId.New(), "Ben", CommunityRole.Facilitator, Nine);

    private readonly List<AttendanceRecord> _records = [];

    [Fact]
    public void ASecondTab_DoesNotStartASecondStretch_AndTheLastTabLeavingStartsTheGrace()
    {
        var attendance = new Attendance(_records);

        Assert.Equal(Arrival.Arrived, attendance.Join(Ana, "tab-1", Nine));
        Assert.Equal(Arrival.AlreadyHere, attendance.Join(Ana, "tab-2", Nine));
        Assert.False(attendance.Leave(Ana.Member, "tab-1", Nine + Duration.FromMinutes(1)));
        Assert.True(attendance.Leave(Ana.Member, "tab-2", Nine + Duration.FromMinutes(2)));

        var record = Assert.Single(_records);
        Assert.Null(record.Left);
        Assert.True(attendance.IsPresent(Ana.Member));
    }

    [Fact]
    public void ComingBackWithinTheGrace_ContinuesTheStretch_AndStayingAwayEndsItWhenTheMemberLeft()
    {
        var attendance = new Attendance(_records);
        attendance.Join(Ana, "tab", Nine);
        var left = Nine + Duration.FromMinutes(5);
        attendance.Leave(Ana.Member, "tab", left);

        Assert.Equal(Arrival.Returned, attendance.Join(Ana, "tab-again", left + Attendance.ReconnectGrace - Duration.FromSeconds(1)));
        attendance.Leave(Ana.Member, "tab-again", left + Duration.FromMinutes(1));
        Assert.False(attendance.CloseExpired(left + Duration.FromMinutes(1) + Attendance.ReconnectGrace - Duration.FromSeconds(1)));
        Assert.True(attendance.CloseExpired(left + Duration.FromMinutes(1) + Attendance.ReconnectGrace));

        Assert.Equal(left + Duration.FromMinutes(1), Assert.Single(_records).Left);
        Assert.Empty(attendance.Participants);
    }

    [Fact]
    public void AfterARestart_EveryoneStillMarkedPresent_GetsTheGraceToReconnect()
    {
        _records.Add(new AttendanceRecord(Ana.Member, "Ana", Nine, null));
        var restarted = new Attendance(_records);
        var now = Nine + Duration.FromHours(1);

        restarted.Resume(now);

        Assert.True(restarted.IsPresent(Ana.Member));
        Assert.True(restarted.CloseExpired(now + Attendance.ReconnectGrace));
        Assert.Equal(now, Assert.Single(_records).Left);
    }

    [Fact]
    public void HereBelowARole_ListsConnectedMembersInTheOrderTheyArrived()
    {
        var attendance = new Attendance(_records);
        var cai = Ana with { Member = MemberId.New(), DisplayName = "Cai" };
        attendance.Join(cai, "c", Nine);
        attendance.Join(Ben, "b", Nine);
        attendance.Join(Ana, "a", Nine + Duration.FromMinutes(1));
        attendance.Leave(cai.Member, "c", Nine + Duration.FromMinutes(2));

        Assert.Equal([Ana.Member], attendance.HereBelow(CommunityRole.Facilitator));
        Assert.Equal(["Ana", "Ben", "Cai"], attendance.Participants.Select(p => p.DisplayName));
    }

    [Fact]
    public void EndingTheSession_ClosesEveryStretch_AtWhenEachMemberLeft()
    {
        var attendance = new Attendance(_records);
        attendance.Join(Ana, "a", Nine);
        attendance.Join(Ben, "b", Nine);
        var anaLeft = Nine + Duration.FromMinutes(30);
        attendance.Leave(Ana.Member, "a", anaLeft);
        var end = Nine + Duration.FromMinutes(31);

        attendance.EndAll(end);

        Assert.Equal([anaLeft, end], _records.Select(r => r.Left!.Value));
        Assert.Empty(attendance.Participants);
    }
}
