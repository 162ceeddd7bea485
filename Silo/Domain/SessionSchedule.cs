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
        var agenda = AgendaRules.Validate(request.Agenda);
        var minutes = Minutes(request.DurationMinutes, agenda);
        var start = ResolveStart(request.LocalStart, zone);
        var duration = Duration.FromMinutes(minutes);

        if (start + duration <= now)
        {
            throw CopLiveException.Invalid("start", "'start' is in the past: this session would already be over.");
        }

        return new SessionPlan(community, title, zone.Id, request.LocalStart, start, duration, agenda, createdBy, now, AutoAdvance: request.AutoAdvance);
    }

    /// <summary>
    /// The plan with what <paramref name="revision"/> changes (title, agenda, wall-clock start in its zone, length);
    /// the agenda must still fit and the session must not be over already.
    /// </summary>
    /// <exception cref="CopLiveException">A field is out of range, or nothing would change; nothing was changed.</exception>
    public static SessionPlan Revise(SessionPlan plan, SessionRevision revision, Instant now)
    {
        if (revision.IsEmpty)
        {
            throw CopLiveException.Invalid("start", "Nothing to change: give a new title, agenda, start or length.");
        }
        var title = revision.Title is null ? plan.Title : Require.Text("title", revision.Title, Limits.NameLength);
        var agenda = revision.Agenda is { } given ? AgendaRules.Validate(given) : plan.Agenda;
        var zone = Require.TimeZone("timeZone", plan.TimeZone);
        var minutes = Minutes(revision.DurationMinutes ?? (int)plan.Duration.TotalMinutes, agenda);
        var start = revision.Start ?? plan.LocalStart;
        var instant = ResolveStart(start, zone);
        var duration = Duration.FromMinutes(minutes);
        if (instant + duration <= now)
        {
            throw CopLiveException.Invalid("start", "'start' is in the past: this session would already be over.");
        }
        return plan with { Title = title, Agenda = agenda, LocalStart = start, Start = instant, Duration = duration };
    }

    private static int Minutes(int? requested, ImmutableArray<AgendaItem> agenda)
    {
        if (requested is null)
        {
            // "As long as its agenda": what a session from a template asks for when no length is given.
            return agenda.IsDefaultOrEmpty
                ? throw CopLiveException.Invalid("durationMinutes", "'durationMinutes' is required (or give an agenda or a template, and the session lasts as long).")
                : Require.InRange("durationMinutes", AgendaRules.TotalMinutes(agenda), 1, Limits.SessionMinutes);
        }
        var minutes = Require.InRange("durationMinutes", requested.Value, 1, Limits.SessionMinutes);
        var total = AgendaRules.TotalMinutes(agenda);
        if (total > minutes)
        {
            throw CopLiveException.Invalid(
                "agenda", $"The agenda runs {total} minutes, longer than the {minutes}-minute session.");
        }
        return minutes;
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
