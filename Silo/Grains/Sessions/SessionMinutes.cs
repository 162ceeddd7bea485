using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Practice;
using CopLive.Silo.Domain.Sessions;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// Writes a session's minutes from what it recorded: attendance, the agenda as run, decisions and action items, and
/// each breakout room's notes read back from their documents (without the prompt they started with).
/// </summary>
internal sealed class SessionMinutes(IGrainFactory grains, SessionId id, SessionState state, SessionPlan plan, Attendance attendance)
{
    public async Task<Minutes> WriteAsync()
    {
        // Every room's notes are read at once; rooms that wrote nothing are left out.
        var written = await Task.WhenAll(state.ClosedRooms.Select(async room =>
        {
            var notes = PhaseNotes.Written(await grains.GetDocumentInternal(room.Notes).GetTextWithAuthorsAsync(), room.Seed);
            var round = room.Phase is { } phase && phase < plan.Agenda.Length ? plan.Agenda[phase].Title : $"Round {room.Round}";
            return string.IsNullOrWhiteSpace(notes.Text) ? null : new RoomMinutes(round, room.Name, room.Notes, notes.Text);
        }));
        var rooms = written.OfType<RoomMinutes>().ToImmutableArray();
        var planVersion = state.PlanVersionAtEnd ?? (await grains.GetDocumentInternal(plan.MainDocument).GetTextWithAuthorsAsync()).Version;
        return new Minutes(
            id, plan.Community, plan.Title, plan.TimeZone, plan.LocalStart, state.Status, state.StartedAt, state.EndedAt,
            attendance.Records, AgendaLog.AsRun(state.PhaseRuns, plan.Agenda), [.. state.Decisions], [.. state.ActionItems],
            rooms, plan.MainDocument, planVersion);
    }
}
