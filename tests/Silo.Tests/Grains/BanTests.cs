using CopLive.Collab.Text;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Security;
using CopLive.Silo.Tests.Fixtures;

namespace CopLive.Silo.Tests.Grains;

/// <summary>Banning a member from a community, through the real grains.</summary>
[Collection(SqliteCluster.Name)]
public sealed class BanTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ABan_AppliesAtOnceEverywhere_AndNoInviteLetsThemBack_UntilLifted()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var owner = await Community.JoinAsync(Grains, community, invites.Owner, "Owner");
        var member = await Community.JoinAsync(Grains, community, invites.Member, "Disruptive");
        var document = (await Grains.GetCommunity(community).CreateDocumentAsync(owner, new NewDocument("Plan", "abc"))).Id;
        await Grains.GetDocument(document).SubmitAsync(member, new OpSubmission("tab", 1, 0, TextOp.Create(OpComponent.Insert("x"))));

        await Grains.GetCommunity(community).BanAsync(owner, member.Member, "Harassment");
        var read = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetDocument(document).OpenAsync(member));
        var write = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetDocument(document).SubmitAsync(member, new OpSubmission("tab", 2, 1, TextOp.Create(OpComponent.Insert("y")))));
        var rejoin = await Assert.ThrowsAsync<CopLiveException>(() => Rejoin(community, invites.Member, member.Member));
        var profile = await Grains.GetMember(member.Member).GetProfileAsync(member);
        var audit = await Grains.GetCommunity(community).GetAuditAsync(owner, null, 50);
        await Grains.GetCommunity(community).UnbanAsync(owner, member.Member, "Apologised");
        var back = await Rejoin(community, invites.Member, member.Member);

        Assert.Equal(CopLiveError.Forbidden, read.Code);
        Assert.Equal(CopLiveError.Forbidden, write.Code);
        Assert.Equal(CopLiveError.Forbidden, rejoin.Code);
        Assert.Empty(profile!.Communities);
        Assert.Contains(audit, a => a.Action == "member.banned" && a.Reason == "Harassment" && a.TargetName == "Disruptive");
        Assert.Equal(CommunityRole.Member, back.Role);
    }

    [Fact]
    public async Task Owners_SeeWhoIsBannedByNameAndWhen_AndTheListFollowsTheBansAsTheyAreLifted()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var owner = await Community.JoinAsync(Grains, community, invites.Owner, "Owner");
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var first = await Community.JoinAsync(Grains, community, invites.Member, "First Banned");
        var second = await Community.JoinAsync(Grains, community, invites.Member, "Second Banned");
        var grain = Grains.GetCommunity(community);

        await grain.BanAsync(facilitator, first.Member, "Spam");
        await grain.BanAsync(owner, second.Member, "Spam again");
        var bans = await grain.GetBansAsync(owner);
        var byFacilitator = await Assert.ThrowsAsync<CopLiveException>(() => grain.GetBansAsync(facilitator));
        await grain.UnbanAsync(owner, first.Member, null);
        var after = await grain.GetBansAsync(Caller.Admin);

        Assert.Equal(["Second Banned", "First Banned"], bans.Select(b => b.DisplayName));
        Assert.All(bans, b => Assert.NotNull(b.BannedAt));
        Assert.Equal(CopLiveError.Forbidden, byFacilitator.Code);
        Assert.Equal([second.Member], after.Select(b => b.Member));
    }

    [Fact]
    public async Task Facilitators_BanOnlyBelowThemselves_AndNobodyBansTheLastOwner()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var owner = await Community.JoinAsync(Grains, community, invites.Owner, "Owner");
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var peer = await Community.JoinAsync(Grains, community, invites.Facilitator, "Peer");
        var member = await Community.JoinAsync(Grains, community, invites.Member, "Teacher");

        var onPeer = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(community).BanAsync(facilitator, peer.Member, null));
        var onOwner = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(community).BanAsync(Caller.Admin, owner.Member, null));
        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(community).BanAsync(member, facilitator.Member, null));
        await Grains.GetCommunity(community).BanAsync(facilitator, member.Member, null);

        Assert.Equal(CopLiveError.Forbidden, onPeer.Code);
        Assert.Equal(CopLiveError.Conflict, onOwner.Code);
        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(3, (await Grains.GetCommunity(community).GetAsync(owner)).Members.Length);
    }

    [Fact]
    public async Task RevokingALeakedInvite_WithItsMembers_CutsOffEveryoneWhoJoinedWithIt()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var owner = await Community.JoinAsync(Grains, community, invites.Owner, "Owner");
        var stranger = await Community.JoinAsync(Grains, community, invites.Member, "Stranger");
        var promoted = await Community.JoinAsync(Grains, community, invites.Member, "Colleague");
        var observer = await Community.JoinAsync(Grains, community, invites.Observer, "Visitor");
        await Grains.GetCommunity(community).SetRoleAsync(owner, promoted.Member, CommunityRole.Facilitator, null);

        await Grains.GetCommunity(community).RevokeInviteAsync(owner, CommunityRole.Member, removeMembers: true);
        var members = (await Grains.GetCommunity(community).GetAsync(owner)).Members.Select(m => m.DisplayName).ToList();
        var cutOff = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(community).GetAsync(stranger));

        Assert.Equal(["Owner", "Colleague", "Visitor"], members);
        Assert.Equal(CopLiveError.Forbidden, cutOff.Code);
        Assert.Empty((await Grains.GetMember(stranger.Member).GetProfileAsync(stranger))!.Communities);
        await Grains.GetCommunity(community).GetAsync(observer);
    }

    private Task<JoinedCommunity> Rejoin(CommunityId community, string invite, MemberId member)
    {
        Assert.True(InviteCode.TryParse(invite, out var code));
        return Grains.GetCommunity(community).JoinAsync(new JoinRequest(code.Hash, member, "Again", null));
    }
}
