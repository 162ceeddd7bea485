using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Practice;

/// <summary>Protocol templates through the real community and session grains: listed, saved, deleted, and scheduled from.</summary>
[Collection(SqliteCluster.Name)]
public sealed class TemplateTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ASessionFromTheTuningProtocol_RunsItsPhases_WithItsBreakoutPhase_AndLastsAsLongAsThem()
    {
        var (community, facilitator, _) = await Community.WithFacilitatorAndMemberAsync(Grains);

        var details = await Grains.GetCommunity(community).ScheduleSessionAsync(facilitator, Tomorrow() with { DurationMinutes = null, Template = "tuning" });

        Assert.Equal(Duration.FromMinutes(45), details.Duration);
        Assert.Equal(
            ["Presentation", "Clarifying questions", "Examine the work", "Probing questions", "Warm and cool feedback", "Presenter reflection", "Debrief"],
            details.Agenda.Select(a => a.Title));
        Assert.All(details.Agenda, a => Assert.False(string.IsNullOrWhiteSpace(a.Prompt)));
        Assert.Equal("Warm and cool feedback", Assert.Single(details.Agenda, a => a.Breakout is not null).Title);
    }

    [Fact]
    public async Task EveryoneSeesTheBuiltInTemplatesThenTheCommunitysOwn_WhichFacilitatorsSave()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var grain = Grains.GetCommunity(community);

        var saved = await grain.SaveTemplateAsync(facilitator, new NewTemplate("  Lesson study  ", "Our cycle",
            [new AgendaItem("Observe", 20, Prompt: "Note what students do."), new AgendaItem("Discuss", 15, Breakout: new PhaseBreakout(2, BreakoutMode.Self))]));
        var listed = await grain.GetTemplatesAsync(member);
        var session = await grain.ScheduleSessionAsync(facilitator, Tomorrow() with { DurationMinutes = 60, Template = saved.Id });
        var audit = await grain.GetAuditAsync(facilitator, null, 10);

        Assert.Equal("Lesson study", saved.Name);
        Assert.Equal(["tuning", "consultancy", "atlas-looking-at-data", saved.Id], listed.Select(t => t.Id));
        Assert.Equal([true, true, true, false], listed.Select(t => t.BuiltIn));
        Assert.Equal(facilitator.Member, listed[3].CreatedBy);
        Assert.Equal(saved.Agenda.ToArray(), session.Agenda.ToArray());
        Assert.Equal(Duration.FromMinutes(60), session.Duration);
        Assert.Contains(audit, e => e.Action == AuditActions.TemplateSaved && e.Detail == "Lesson study");
    }

    [Fact]
    public async Task OnlyFacilitatorsSaveOrDelete_BuiltInsStay_AndBadTemplatesChangeNothing()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var grain = Grains.GetCommunity(community);
        var agenda = new[] { new AgendaItem("Talk", 10) };
        var saved = await grain.SaveTemplateAsync(facilitator, new NewTemplate("Check-in", null, [.. agenda]));

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => grain.SaveTemplateAsync(member, new NewTemplate("Mine", null, [.. agenda])));
        var deleteByMember = await Assert.ThrowsAsync<CopLiveException>(() => grain.DeleteTemplateAsync(member, saved.Id));
        var sameName = await Assert.ThrowsAsync<CopLiveException>(() => grain.SaveTemplateAsync(facilitator, new NewTemplate("check-IN", null, [.. agenda])));
        var builtInName = await Assert.ThrowsAsync<CopLiveException>(() => grain.SaveTemplateAsync(facilitator, new NewTemplate("Tuning Protocol", null, [.. agenda])));
        var empty = await Assert.ThrowsAsync<CopLiveException>(() => grain.SaveTemplateAsync(facilitator, new NewTemplate("Empty", null, [])));
        var manual = await Assert.ThrowsAsync<CopLiveException>(() => grain.SaveTemplateAsync(facilitator,
            new NewTemplate("Manual", null, [new AgendaItem("Rooms", 10, Breakout: new PhaseBreakout(2, BreakoutMode.Manual))])));
        var builtIn = await Assert.ThrowsAsync<CopLiveException>(() => grain.DeleteTemplateAsync(facilitator, "tuning"));
        var both = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSessionAsync(facilitator, Tomorrow() with { Agenda = [new AgendaItem("Talk", 10)], Template = "tuning" }));
        var unknown = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSessionAsync(facilitator, Tomorrow() with { Template = "no-such" }));
        var before = await grain.GetTemplatesAsync(member);
        await grain.DeleteTemplateAsync(facilitator, saved.Id);
        var after = await grain.GetTemplatesAsync(member);

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(CopLiveError.Forbidden, deleteByMember.Code);
        Assert.Equal(CopLiveError.Conflict, sameName.Code);
        Assert.Equal(CopLiveError.Conflict, builtInName.Code);
        Assert.Equal(("agenda", CopLiveError.InvalidArgument), (empty.Field, empty.Code));
        Assert.Equal("agenda[0].breakout.mode", manual.Field);
        Assert.Equal(CopLiveError.Conflict, builtIn.Code);
        Assert.Equal("template", both.Field);
        Assert.Equal("template", unknown.Field);
        Assert.Equal(4, before.Length);
        Assert.Equal(3, after.Length);
    }

    [Fact]
    public async Task SavedTemplates_OutliveTheActivation()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var saved = await Grains.GetCommunity(community).SaveTemplateAsync(facilitator,
            new NewTemplate("Data dive", "Looking at our own data", [new AgendaItem("Describe", 10, "Descriptions only", "What do you see?", new PhaseBreakout(3))]));

        await fixture.DeactivateAllAsync();
        var listed = await Grains.GetCommunity(community).GetTemplatesAsync(member);

        Assert.Equal((saved.Id, saved.Name, saved.Description, saved.CreatedAt), (listed[^1].Id, listed[^1].Name, listed[^1].Description, listed[^1].CreatedAt));
        Assert.Equal(saved.Agenda.ToArray(), listed[^1].Agenda.ToArray());
    }


    private NewSession Tomorrow() => new(
        "Tuning", fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1).At(new LocalTime(16, 0)), "UTC", 60, []);
}
