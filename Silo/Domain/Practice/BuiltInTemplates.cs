using System.Collections.Immutable;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;

namespace CopLive.Silo.Domain.Practice;

/// <summary>
/// The protocols every community can run without writing them first, in our own words after the protocols
/// professional learning communities commonly use: each 45 minutes, with prompts, speaking rules and, where the
/// protocol has small-group work, a breakout phase.
/// </summary>
internal static class BuiltInTemplates
{
    /// <summary>The NSRF Tuning Protocol: a presenter brings work and a focusing question; the group tunes it.</summary>
    public static ProtocolTemplate Tuning { get; } = new(
        "tuning",
        "Tuning Protocol",
        "A presenter shares a piece of work (a lesson plan, a unit, student work) with a focusing question; colleagues examine it and give warm and cool feedback in small groups, then the presenter reflects.",
        [
            new("Presentation", 8, "Presenter speaks; everyone else listens and takes notes.",
                "The presenter describes the work, its context, and the focusing question the group will help with."),
            new("Clarifying questions", 5, "Questions of fact only, answered briefly; no opinions yet.",
                "Ask short questions the presenter can answer in a sentence or two: who, what, when, how long."),
            new("Examine the work", 8, "Silent, individual study.",
                "Look closely at the work. Note where it meets the focusing question and where there are gaps."),
            new("Probing questions", 5, "Participants ask; the presenter may answer or just take the question away.",
                "Ask open questions that help the presenter think more deeply about the focusing question."),
            new("Warm and cool feedback", 10, "The presenter listens silently; warm before cool; speak about the work, not the person.",
                "In your group, write warm feedback (strengths that serve the focusing question) and cool feedback (gaps, questions, possibilities). Your notes come back to the plan.",
                new PhaseBreakout(3)),
            new("Presenter reflection", 5, "Presenter speaks; participants listen.",
                "The presenter responds to whichever feedback they choose. It is a reflection, not a defence."),
            new("Debrief", 4, "Open conversation; the facilitator keeps time.",
                "Reflect on the protocol itself: what helped, and what should we change next time?"),
        ],
        BuiltIn: true);

    /// <summary>The Consultancy protocol: a presenter brings a dilemma; colleagues think it through while the presenter listens.</summary>
    public static ProtocolTemplate Consultancy { get; } = new(
        "consultancy",
        "Consultancy",
        "A presenter frames a dilemma from their practice as a question; colleagues ask, then discuss it among themselves while the presenter listens, and the presenter says what they take away.",
        [
            new("Present the dilemma", 5, "Presenter speaks; everyone else listens.",
                "The presenter describes the dilemma, what they have tried, and the question they want the group to think about."),
            new("Clarifying questions", 5, "Questions of fact only, answered briefly.",
                "Ask short questions that fill in the facts of the situation."),
            new("Probing questions", 10, "Participants ask; the presenter answers if they wish.",
                "Ask open questions that help the presenter see the dilemma from another side."),
            new("Discuss the dilemma", 15, "The presenter listens silently and takes notes; talk to each other, not to the presenter.",
                "What did we hear? What might the presenter not yet be seeing? What could they try?"),
            new("Presenter response", 5, "Presenter speaks; participants listen.",
                "The presenter says what struck them in the discussion and what they might do next."),
            new("Debrief", 5, "Open conversation.",
                "How did the protocol serve the presenter? What would we do differently?"),
        ],
        BuiltIn: true);

    /// <summary>ATLAS Looking at Data: describe a set of data before interpreting it, then draw implications for practice.</summary>
    public static ProtocolTemplate LookingAtData { get; } = new(
        "atlas-looking-at-data",
        "ATLAS: Looking at Data",
        "A teacher brings a set of data (assessment results, student work, attendance); the group describes it without judging, interprets it in small groups, and draws implications for its own classrooms.",
        [
            new("Getting started", 5, "Presenter speaks briefly; no questions yet.",
                "The presenting teacher shares the data and where it comes from, without interpreting it."),
            new("Describe the data", 10, "Descriptions only: no interpretation, no judgment.",
                "What do you see? State only what is in the data: counts, patterns, what stands out."),
            new("Interpret the data", 12, "Build on each other; tie each idea to something in the data.",
                "What does the data suggest? What might explain these patterns? What else would you want to know?",
                new PhaseBreakout(3)),
            new("Implications for practice", 10, "Everyone contributes; the recorder notes action items.",
                "What steps could improve learning? What will we try in our own classrooms, and who will do what by when?"),
            new("Reflect on the protocol", 8, "Each person speaks once before anyone speaks twice.",
                "How did looking at the data this way help? What would we change?"),
        ],
        BuiltIn: true);

    /// <summary>Every built-in template, in the order they are listed.</summary>
    public static ImmutableArray<ProtocolTemplate> All { get; } = [Tuning, Consultancy, LookingAtData];

    /// <summary>The built-in template with <paramref name="id"/>, or null.</summary>
    public static ProtocolTemplate? Find(string id) => All.FirstOrDefault(t => t.Id == id);
}
