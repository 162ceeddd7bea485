using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Tests.Fixtures;
using CopLive.Silo.Grains;

namespace CopLive.Silo.Tests.Grains;

/// <summary>Who may change whose role, and the audit log that records it.</summary>
[Collection(SqliteCluster.Name)]
public sealed class RolesAndAuditTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Facilitators_PromoteAndDemoteMembers_ButNeverTouchOwners()
    {
        var c = await CommunityAsync();

        var promoted = await Grains.GetCommunity(c.Id).SetRoleAsync(c.Facilitator, c.Member.Member, CommunityRole.Facilitator, "Leads the fractions unit");
        var demoted = await Grains.GetCommunity(c.Id).SetRoleAsync(c.Facilitator, c.Member.Member, CommunityRole.Observer, null);
        var ownerDemotion = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(c.Id).SetRoleAsync(c.Facilitator, c.Owner.Member, CommunityRole.Member, null));
        var makeOwner = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(c.Id).SetRoleAsync(c.Facilitator, c.Member.Member, CommunityRole.Owner, null));
        var byObserver = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(c.Id).SetRoleAsync(c.Member, c.Facilitator.Member, CommunityRole.Observer, null));

        Assert.Equal(CommunityRole.Facilitator, promoted.Role);
        Assert.Equal(CommunityRole.Observer, demoted.Role);
        Assert.Equal(CopLiveError.Forbidden, ownerDemotion.Code);
        Assert.Equal(CopLiveError.Forbidden, makeOwner.Code);
        Assert.Equal(CopLiveError.Forbidden, byObserver.Code);
        Assert.Equal(CommunityRole.Owner, (await Grains.GetCommunityInternal(c.Id).GetMemberAsync(c.Owner.Member))!.Role);
    }

    [Fact]
    public async Task ADemotion_ReachesOpenDocumentsAtOnce()
    {
        var c = await CommunityAsync();
        var document = (await Grains.GetCommunity(c.Id).CreateDocumentAsync(c.Owner, new CopLive.Grains.Documents.NewDocument("Plan", ""))).Id;
        var plan = Grains.GetDocument(document);
        await plan.SubmitAsync(c.Member, new CopLive.Grains.Documents.OpSubmission("tab", 1, 0, CopLive.Collab.Text.TextOpJson.Parse("[\"a\"]")));

        await Grains.GetCommunity(c.Id).SetRoleAsync(c.Owner, c.Member.Member, CommunityRole.Observer, "Visiting only");
        var refused = await Assert.ThrowsAsync<CopLiveException>(() =>
            plan.SubmitAsync(c.Member, new CopLive.Grains.Documents.OpSubmission("tab", 2, 1, CopLive.Collab.Text.TextOpJson.Parse("[\"b\"]"))));

        Assert.Equal(CopLiveError.Forbidden, refused.Code);
    }

    [Fact]
    public async Task TheLastOwner_CannotBeDemotedOrLeave_UntilThereIsAnother()
    {
        var c = await CommunityAsync();

        var demote = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(c.Id).SetRoleAsync(c.Owner, c.Owner.Member, CommunityRole.Member, null));
        var leave = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(c.Id).LeaveAsync(c.Owner));
        await Grains.GetCommunity(c.Id).SetRoleAsync(c.Owner, c.Facilitator.Member, CommunityRole.Owner, null);
        await Grains.GetCommunity(c.Id).LeaveAsync(c.Owner);
        var profile = await Grains.GetMember(c.Owner.Member).GetProfileAsync(c.Owner);

        Assert.Equal(CopLiveError.Conflict, demote.Code);
        Assert.Equal(CopLiveError.Conflict, leave.Code);
        Assert.Null(await Grains.GetCommunityInternal(c.Id).GetMemberAsync(c.Owner.Member));
        Assert.Empty(profile!.Communities);
        await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(c.Id).GetAsync(c.Owner));
    }

    [Fact]
    public async Task AuditLog_RecordsChangesAndRefusals_AndMembersSeeOnlyWhatConcernsThem()
    {
        var c = await CommunityAsync();
        await Grains.GetCommunity(c.Id).SetRoleAsync(c.Owner, c.Member.Member, CommunityRole.Observer, "Visiting from another school");
        await Grains.GetCommunity(c.Id).RotateInviteAsync(c.Owner, CommunityRole.Member);
        await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(c.Id).RotateInviteAsync(c.Member, CommunityRole.Owner));
        await fixture.DeactivateAllAsync();

        var all = await Grains.GetCommunity(c.Id).GetAuditAsync(c.Facilitator, null, 100);
        var mine = await Grains.GetCommunity(c.Id).GetAuditAsync(c.Member, null, 100);
        var page = await Grains.GetCommunity(c.Id).GetAuditAsync(Caller.Admin, all[1].Id, 1);

        var change = Assert.Single(all, a => a.Action == "role.changed");
        Assert.Equal(("Owner", "Teacher", "member → observer", "Visiting from another school", "done"),
            (change.ActorName, change.TargetName, change.Detail, change.Reason, change.Outcome));
        Assert.Contains(all, a => a.Action == "invite.rotated" && a.Detail == "member");
        var refused = Assert.Single(all, a => a.Outcome == "refused");
        Assert.Equal((AuditActions.InviteRotated, "Teacher", "owner"), (refused.Action, refused.ActorName, refused.Detail));
        Assert.Equal(all.OrderByDescending(a => a.Id).Select(a => a.Id), all.Select(a => a.Id));
        Assert.All(mine, a => Assert.Equal(c.Member.Member, a.Target));
        Assert.Contains(mine, a => a.Action == "role.changed");
        Assert.Equal([all[2].Id], page.Select(a => a.Id));
    }

    [Fact]
    public async Task AuditLog_BeyondWhatTheCommunityKeeps_IsArchived_AndStillPagedThrough()
    {
        var c = await CommunityAsync();
        var changes = Silo.Domain.Communities.AuditLog.Kept + 2 * Silo.Domain.Communities.AuditLog.Block;
        for (var i = 0; i < changes; i++)
        {
            await Grains.GetCommunity(c.Id).SetRoleAsync(c.Owner, c.Member.Member, i % 2 == 0 ? CommunityRole.Observer : CommunityRole.Member, null);
        }

        var ids = new List<long>();
        for (long? before = null; ;)
        {
            var page = await Grains.GetCommunity(c.Id).GetAuditAsync(c.Facilitator, before, 200);
            if (page.Length == 0)
            {
                break;
            }
            ids.AddRange(page.Select(a => a.Id));
            before = page[^1].Id;
        }
        var mine = await Grains.GetCommunity(c.Id).GetAuditAsync(c.Member, 10, 200);

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i).Reverse(), ids);
        Assert.True(ids.Count >= changes);
        Assert.All(mine, a => Assert.Equal(c.Member.Member, a.Target));
        Assert.NotEmpty(mine);
    }

    private async Task<(CommunityId Id, Caller Owner, Caller Facilitator, Caller Member)> CommunityAsync()
    {
        var (id, invites) = await Community.CreateAsync(Grains);
        return (id,
            await Community.JoinAsync(Grains, id, invites.Owner, "Owner"),
            await Community.JoinAsync(Grains, id, invites.Facilitator, "Facilitator"),
            await Community.JoinAsync(Grains, id, invites.Member, "Teacher"));
    }
}
