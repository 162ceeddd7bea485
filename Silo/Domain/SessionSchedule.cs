using System.Collections.Immutable;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Silo.Domain;

/// <summary>Turns a facilitator's request into a validated <see cref="SessionPlan"/>: pure rules, no Orleans.</summary>
internal static class SessionSchedule
{
    /// <summary>Validates <paramref name="request"/> and resolves its wall-clock start to an instant.</summary>
    /// <exception cref="CopLiveException">A field is out of range; nothing was changed.</exception>
    public static SessionPlan Plan(CommunityId community, NewSession request, MemberId createdBy, Instant now)
    {
        var title = Require.Text("title", request.Title, Limits.NameLength);
        var zone = Require.TimeZone("timeZone", request.TimeZone);
        var minutes = Require.InRange("durationMinutes", request.DurationMinutes, 1, Limits.SessionMinutes);
        var agenda = Agenda(request.Agenda, minutes);
        var start = ResolveStart(request.LocalStart, zone);
        var duration = Duration.FromMinutes(minutes);

        if (start + duration <= now)
        {
            throw CopLiveException.Invalid("start", "'start' is in the past: this session would already be over.");
        }

        return new SessionPlan(community, title, zone.Id, request.LocalStart, start, duration, agenda, createdBy, now, AutoAdvance: request.AutoAdvance);
    }

    private static ImmutableArray<AgendaItem> Agenda(ImmutableArray<AgendaItem> items, int sessionMinutes)
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
            var item = items[i] ?? throw CopLiveException.Invalid($"agenda[{i}]", $"'agenda[{i}]' is missing.");
            builder.Add(new AgendaItem(
                Require.Text($"agenda[{i}].title", item.Title, Limits.NameLength),
                Require.InRange($"agenda[{i}].minutes", item.Minutes, 1, Limits.SessionMinutes),
                Require.OptionalText($"agenda[{i}].speakingRule", item.SpeakingRule, Limits.NameLength)));
        }

        var total = builder.Sum(a => a.Minutes);
        if (total > sessionMinutes)
        {
            throw CopLiveException.Invalid(
                "agenda", $"The agenda runs {total} minutes, longer than the {sessionMinutes}-minute session.");
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// A wall-clock time maps to one instant, two (clocks fall back: the earlier is meant) or none
    /// (clocks spring forward: the time never happens there, so refuse rather than guess).
    /// </summary>
    private static Instant ResolveStart(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            var text = LocalDateTimePattern.GeneralIso.Format(local);
            throw CopLiveException.Invalid("start", $"'start' {text} does not exist in {zone.Id}: the clocks skip over it.");
        }
        return mapping.First().ToInstant();
    }
}
