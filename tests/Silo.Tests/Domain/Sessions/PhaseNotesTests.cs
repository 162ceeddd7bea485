using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Sessions;

namespace CopLive.Silo.Tests.Domain.Sessions;

/// <summary>A breakout phase's prompt at the top of each room's notes, and the notes without it when they go back to the plan.</summary>
public sealed class PhaseNotesTests
{
    private static readonly MemberId Facilitator = MemberId.New();
    private static readonly MemberId Teacher = MemberId.New();

    [Fact]
    public void Seed_NamesThePhase_ItsPrompt_AndItsSpeakingRule_OrIsEmptyWithNeither()
    {
        Assert.Equal("Feedback\nPrompt: Warm, then cool.\nSpeaking rule: Presenter listens.\n\n",
            PhaseNotes.Seed(new AgendaItem("Feedback", 10, "Presenter listens.", "Warm, then cool.")));
        Assert.Equal("Feedback\nPrompt: Warm, then cool.\n\n", PhaseNotes.Seed(new AgendaItem("Feedback", 10, Prompt: "Warm, then cool.")));
        Assert.Equal("", PhaseNotes.Seed(new AgendaItem("Feedback", 10)));
    }

    [Fact]
    public void Written_DropsAnUntouchedSeed_AndEveryCharacterAfterItKeepsItsAuthor()
    {
        const string seed = "Feedback 🙂\n\n";
        var notes = new AuthoredText(seed + "Warm: clear", [new AuthorSpan(Facilitator, 12), new AuthorSpan(Teacher, 11)], 3);

        var written = PhaseNotes.Written(notes, seed);

        Assert.Equal("Warm: clear", written.Text);
        Assert.Equal([new AuthorSpan(Teacher, 11)], written.Authors.ToArray());
    }

    [Fact]
    public void Written_CutsASpanThatStraddlesTheSeed()
    {
        const string seed = "Prompt\n\n";
        var notes = new AuthoredText(seed + "ok, and more", [new AuthorSpan(Facilitator, 10), new AuthorSpan(Teacher, 10)], 3);

        var written = PhaseNotes.Written(notes, seed);

        Assert.Equal([new AuthorSpan(Facilitator, 2), new AuthorSpan(Teacher, 10)], written.Authors.ToArray());
    }

    [Fact]
    public void Written_KeepsNotesWhoseSeedWasEdited_Whole()
    {
        var notes = new AuthoredText("Prompt (changed)\n\nIdeas", [new AuthorSpan(Teacher, 23)], 3);

        Assert.Same(notes, PhaseNotes.Written(notes, "Prompt\n\n"));
    }
}
