using System.Collections.Immutable;
using CopLive.Grains.Errors;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Sessions;

namespace CopLive.Silo.Domain;

/// <summary>What makes an agenda valid, for a session's plan and a protocol template alike: pure rules, no Orleans.</summary>
internal static class AgendaRules
{
    /// <summary>Longest prompt of a phase.</summary>
    public const int PromptLength = 1_000;

    /// <summary>
    /// The agenda checked and trimmed: at most <see cref="Limits.AgendaItems"/> phases, each named and timed, with an
    /// optional speaking rule, prompt and breakout round. Errors name the field, as in <c>agenda[2].breakout.rooms</c>.
    /// </summary>
    /// <exception cref="CopLiveException">A field is out of range; nothing was changed.</exception>
    public static ImmutableArray<AgendaItem> Validate(ImmutableArray<AgendaItem> items)
    {
        if (items.IsDefaultOrEmpty)
        {
            return [];
        }
        if (items.Length > Limits.AgendaItems)
        {
            throw CopLiveException.Invalid("agenda", $"'agenda' may have at most {Limits.AgendaItems} phases; it has {items.Length}.");
        }

        var builder = ImmutableArray.CreateBuilder<AgendaItem>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var field = $"agenda[{i}]";
            var item = items[i] ?? throw CopLiveException.Invalid(field, $"'{field}' is missing.");
            builder.Add(new AgendaItem(
                Require.Text($"{field}.title", item.Title, Limits.NameLength),
                Require.InRange($"{field}.minutes", item.Minutes, 1, Limits.SessionMinutes),
                Require.OptionalText($"{field}.speakingRule", item.SpeakingRule, Limits.NameLength),
                Require.OptionalMultilineText($"{field}.prompt", item.Prompt, PromptLength),
                Breakout($"{field}.breakout", item.Breakout, item.Minutes)));
        }
        return builder.MoveToImmutable();
    }

    /// <summary>The minutes of every phase together.</summary>
    public static int TotalMinutes(ImmutableArray<AgendaItem> agenda) => agenda.IsDefaultOrEmpty ? 0 : agenda.Sum(a => a.Minutes);

    private static PhaseBreakout? Breakout(string field, PhaseBreakout? breakout, int minutes)
    {
        if (breakout is null)
        {
            return null;
        }
        if (minutes > BreakoutPlan.MaxMinutes)
        {
            throw CopLiveException.Invalid(field, $"A breakout phase lasts at most {BreakoutPlan.MaxMinutes} minutes, as any round; this one lasts {minutes}.");
        }
        var rooms = Require.InRange($"{field}.rooms", breakout.Rooms, 1, BreakoutPlan.MaxRooms);
        if (breakout.Mode is not (BreakoutMode.Auto or BreakoutMode.Self))
        {
            throw CopLiveException.Invalid(
                $"{field}.mode", $"'{field}.mode' must be 'auto' or 'self': a phase's rooms are filled as it starts, before anyone could assign them by hand.");
        }
        return breakout with { Rooms = rooms };
    }
}
