using System.Globalization;
using System.Text;
using CopLive.Grains.Practice;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Gateway.Api;

/// <summary>The minutes of a meeting as a Markdown document, with every time in the meeting's own zone.</summary>
internal static class MinutesMarkdown
{
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("dddd d MMMM uuuu");
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    public static string Write(Minutes m)
    {
        var zone = DateTimeZoneProviders.Tzdb[m.TimeZone];
        string At(Instant instant) => Clock.Format(instant.InZone(zone).TimeOfDay);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Minutes: {m.Title}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{Day.Format(m.ScheduledStart.Date)}, scheduled at {Clock.Format(m.ScheduledStart.TimeOfDay)} ({m.TimeZone})");
        if (m.StartedAt is { } started)
        {
            text.Append(CultureInfo.InvariantCulture, $"; held {At(started)}–{(m.EndedAt is { } ended ? At(ended) : "still running")}");
        }
        text.Append(m.EndedAt is null ? ". Draft: the meeting has not ended.\n" : ".\n");

        text.Append("\n## Attendees\n\n");
        foreach (var person in m.Attendance.GroupBy(a => a.Member).OrderBy(g => g.First().DisplayName, StringComparer.CurrentCulture))
        {
            var stretches = person.Select(a => $"{At(a.Joined)}–{(a.Left is { } left ? At(left) : "end")}");
            text.Append(CultureInfo.InvariantCulture, $"- {person.Last().DisplayName} ({string.Join(", ", stretches)})\n");
        }
        if (m.Attendance.IsEmpty)
        {
            text.Append("Nobody joined.\n");
        }

        text.Append("\n## Agenda as run\n\n");
        foreach (var phase in m.Agenda)
        {
            var ran = phase.Started is { } from
                ? $"{At(from)}–{(phase.Ended is { } to ? At(to) : "…")}" + (phase.Overrun > Duration.Zero ? $", {Minutes(phase.Overrun)} over" : "")
                : "not reached";
            text.Append(CultureInfo.InvariantCulture, $"- {phase.Title} ({phase.PlannedMinutes} min planned): {ran}\n");
        }
        if (m.Agenda.IsEmpty)
        {
            text.Append("No agenda.\n");
        }

        text.Append("\n## Decisions\n\n");
        foreach (var decision in m.Decisions)
        {
            var during = decision.Phase is { } p && p < m.Agenda.Length ? $", during {m.Agenda[p].Title}" : "";
            text.Append(CultureInfo.InvariantCulture, $"- {Line(decision.Text)} ({decision.ByName}, {At(decision.At)}{during})\n");
        }
        if (m.Decisions.IsEmpty)
        {
            text.Append("None recorded.\n");
        }

        text.Append("\n## Action items\n\n");
        foreach (var item in m.ActionItems)
        {
            var owner = item.OwnerName is { } name ? $" — {name}" : "";
            var due = item.Due is { } date ? $", due {Iso.Format(date)}" : "";
            var carried = item.From != m.Session ? " (from an earlier meeting)" : "";
            text.Append(CultureInfo.InvariantCulture, $"- [{(item.Done ? "x" : " ")}] {Line(item.Text)}{owner}{due}{carried}\n");
        }
        if (m.ActionItems.IsEmpty)
        {
            text.Append("None recorded.\n");
        }

        if (!m.Rooms.IsEmpty)
        {
            text.Append("\n## Breakout rooms\n");
            foreach (var room in m.Rooms)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n### {room.Round}: {room.Room}\n\n{room.Text.TrimEnd()}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\n## Lesson plan\n\nVersion {m.PlanVersion}: /api/documents/{m.Plan}?version={m.PlanVersion} (Markdown: /api/documents/{m.Plan}/export.md?version={m.PlanVersion})\n");
        return text.ToString();
    }

    private static string Minutes(Duration duration) => $"{Math.Max(1, (int)Math.Round(duration.TotalMinutes))} min";

    /// <summary>A multi-line entry kept on its list item's line.</summary>
    private static string Line(string text) => text.ReplaceLineEndings(" ");
}
