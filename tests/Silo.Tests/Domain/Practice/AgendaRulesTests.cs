using CopLive.Grains.Errors;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Practice;

namespace CopLive.Silo.Tests.Domain.Practice;

/// <summary>What an agenda may hold: prompts, speaking rules and breakout phases, for sessions and templates alike.</summary>
public sealed class AgendaRulesTests
{
    [Fact]
    public void Validate_TrimsEachField_KeepsThePromptsLines_AndTheBreakout()
    {
        var agenda = AgendaRules.Validate([new AgendaItem("  Feedback ", 10, " Presenter listens ", "  Warm first.\r\nThen cool.  ", new PhaseBreakout(3, BreakoutMode.Self))]);

        Assert.Equal(new AgendaItem("Feedback", 10, "Presenter listens", "Warm first.\nThen cool.", new PhaseBreakout(3, BreakoutMode.Self)), Assert.Single(agenda));
    }

    [Theory]
    [InlineData(0, BreakoutMode.Auto, 10, "agenda[0].breakout.rooms")]
    [InlineData(21, BreakoutMode.Auto, 10, "agenda[0].breakout.rooms")]
    [InlineData(2, BreakoutMode.Manual, 10, "agenda[0].breakout.mode")]
    [InlineData(2, BreakoutMode.Auto, 241, "agenda[0].breakout")]
    public void Validate_RefusesABreakoutPhaseThatCannotRun_NamingTheField(int rooms, BreakoutMode mode, int minutes, string field)
    {
        var refusal = Assert.Throws<CopLiveException>(() => AgendaRules.Validate([new AgendaItem("Rooms", minutes, Breakout: new PhaseBreakout(rooms, mode))]));

        Assert.Equal((field, CopLiveError.InvalidArgument), (refusal.Field, refusal.Code));
    }

    [Fact]
    public void Validate_RefusesALongPromptOrOneWithControlCharacters()
    {
        var tooLong = Assert.Throws<CopLiveException>(() => AgendaRules.Validate([new AgendaItem("A", 1, Prompt: new string('x', AgendaRules.PromptLength + 1))]));
        var control = Assert.Throws<CopLiveException>(() => AgendaRules.Validate([new AgendaItem("A", 1), new AgendaItem("B", 1, Prompt: "bell\a")]));

        Assert.Equal("agenda[0].prompt", tooLong.Field);
        Assert.Equal("agenda[1].prompt", control.Field);
    }

    [Fact]
    public void TheBuiltInTemplates_AreValidAgendas_OfFortyFiveMinutes_WithAPromptForEveryPhase()
    {
        Assert.Equal(3, BuiltInTemplates.All.Length);
        Assert.All(BuiltInTemplates.All, template =>
        {
            Assert.Equal(template.Agenda.ToArray(), AgendaRules.Validate(template.Agenda).ToArray());
            Assert.Equal(45, template.TotalMinutes);
            Assert.All(template.Agenda, phase => Assert.NotNull(phase.Prompt));
            Assert.All(template.Agenda, phase => Assert.NotNull(phase.SpeakingRule));
        });
        Assert.Equal(BuiltInTemplates.All.Length, BuiltInTemplates.All.Select(t => t.Id).Distinct().Count());
    }
}
