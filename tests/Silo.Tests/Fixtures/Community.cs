using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Tests.Fixtures;

/// <summary>Setting up communities and members through the real grains, as the REST API does.</summary>
internal static class Community
{
    /// <summary>A new community created by the administrator, with its invite codes.</summary>
    public static async Task<(CommunityId Id, InviteCodes Invites)> CreateAsync(IGrainFactory grains, string name = "PLC", string zone = "UTC")
    {
        var id = CommunityId.New();
        return (id, await grains.GetCommunity(id).CreateAsync(Caller.Admin, new NewCommunity(name, null, zone)));
    }

    /// <summary>A new community with a facilitator and a member in it.</summary>
    public static async Task<(CommunityId Community, Caller Facilitator, Caller Member)> WithFacilitatorAndMemberAsync(IGrainFactory grains, string zone = "UTC")
    {
        var (community, invites) = await CreateAsync(grains, zone: zone);
        var facilitator = await JoinAsync(grains, community, invites.Facilitator, "Facilitator");
        var member = await JoinAsync(grains, community, invites.Member, "Teacher");
        return (community, facilitator, member);
    }

    /// <summary>A new member joining with <paramref name="invite"/>.</summary>
    public static async Task<Caller> JoinAsync(IGrainFactory grains, CommunityId community, string invite, string name, string? zone = null)
    {
        Assert.True(InviteCode.TryParse(invite, out var code));
        var joined = await grains.GetCommunity(community).JoinAsync(new JoinRequest(code.Hash, MemberId.New(), name, zone));
        return Caller.ForMember(joined.Profile.Id);
    }

    /// <summary>A session scheduled for tomorrow at 16:00 UTC by the test clock, so scheduling never rejects it as past.</summary>
    public static async Task<ISessionGrain> ScheduleAsync(
        IGrainFactory grains, IClock clock, CommunityId community, Caller facilitator,
        string title = "PLC", int minutes = 60, AgendaItem[]? agenda = null, bool autoAdvance = true)
    {
        var tomorrow = clock.GetCurrentInstant().InUtc().Date.PlusDays(1).At(new LocalTime(16, 0));
        var details = await grains.GetCommunity(community).ScheduleSessionAsync(
            facilitator, new NewSession(title, tomorrow, "UTC", minutes, [.. agenda ?? []], autoAdvance));
        return grains.GetSession(details.Summary.Id);
    }

    /// <summary>Reads until the condition holds (timers run on real time even when the clock is fake).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }
            await Task.Delay(100, patience.Token);
        }
    }
}
