using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Practice;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Practice;

/// <summary>
/// A recurring meeting, as an adapter over <see cref="Recurrence"/>: its next meeting is always a session of the
/// community (scheduled when the series is first read, when a meeting ends or is cancelled, and by an hourly reminder
/// that catches up when nobody is around); later meetings are planned, and a facilitator may skip or move them.
/// </summary>
[GrainType("coplive.series")]
public sealed class SeriesGrain(
    [PersistentState("series", StorageNames.Default)] IPersistentState<SeriesState> state,
    IClock clock,
    ILogger<SeriesGrain> logger) : PersistentGrain, ISeriesGrain, ISeriesGrainInternal, IRemindable
{
    /// <summary>The reminder that schedules the next meeting when nobody else does.</summary>
    public const string ReminderName = "next-meeting";

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromHours(1);

    private Gatekeeper? _gate;

    private SeriesState State => state.State;
    private SeriesId Id => new(this.GetPrimaryKey());
    private SeriesPlan Plan => State.Plan ?? throw CopLiveException.NotFound("There is no such series.");
    private Gatekeeper Gate => _gate ??= Gatekeeper.OfCommunity(GrainFactory, () => Plan.Community);

    public async Task InitializeAsync(SeriesPlan plan)
    {
        if (State.Plan is not null)
        {
            throw new CopLiveException(CopLiveError.Conflict, "This series already exists.");
        }
        State.Plan = plan;
        await PersistAsync(state);
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), ReminderPeriod);
    }

    public async Task<SeriesView> GetAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.ReadCommunity);
        await KeepNextScheduledAsync();
        return View();
    }

    public async Task<SeriesView> SkipAsync(Caller caller, int occurrence, string? reason)
    {
        await Gate.RequireAsync(caller, Right.ScheduleSession, Attempt(AuditActions.OccurrenceSkipped));
        var index = SeriesRules.Occurrence(Plan, occurrence);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        EnsureNotOver(index);
        if (State.Skipped.Add(index))
        {
            if (State.Sessions.TryGetValue(index, out var session))
            {
                await GrainFactory.GetSession(session).CancelAsync(caller, why ?? "Skipped in the series");
            }
            await PersistAsync(state);
            await RecordAsync(caller, AuditActions.OccurrenceSkipped, $"meeting {index + 1}", why);
        }
        await KeepNextScheduledAsync();
        return View();
    }

    public async Task<SeriesView> MoveAsync(Caller caller, int occurrence, LocalDateTime start)
    {
        await Gate.RequireAsync(caller, Right.ScheduleSession, Attempt(AuditActions.OccurrenceMoved));
        var index = SeriesRules.Occurrence(Plan, occurrence);
        EnsureNotOver(index);
        if (State.Skipped.Contains(index))
        {
            throw new CopLiveException(CopLiveError.Conflict, $"Meeting {index + 1} is skipped.");
        }
        if (Recurrence.Resolve(start, Plan.TimeZone) + Plan.Duration <= clock.GetCurrentInstant())
        {
            throw CopLiveException.Invalid("start", "'start' is in the past: this meeting would already be over.");
        }
        if (State.Sessions.TryGetValue(index, out var session))
        {
            // The session checks the move as any reschedule; the series records it only once it holds.
            await GrainFactory.GetSession(session).RescheduleAsync(caller, start, null);
        }
        State.Moved[index] = start;
        await PersistAsync(state);
        await RecordAsync(caller, AuditActions.OccurrenceMoved, $"meeting {index + 1} to {start:uuuu-MM-dd HH:mm}", null);
        await KeepNextScheduledAsync();
        return View();
    }

    public async Task OccurrenceOverAsync(int occurrence)
    {
        if (State.Plan is not null && State.Over.Add(occurrence))
        {
            await PersistAsync(state);
        }
        await KeepNextScheduledAsync();
    }

    public async Task CarryActionItemsAsync(int occurrence, ImmutableArray<ActionItem> open)
    {
        if (State.Plan is null || occurrence < State.CarriedFrom)
        {
            // A later meeting has already said what is open.
            return;
        }
        State.Carried = [.. open];
        State.CarriedFrom = occurrence;
        await PersistAsync(state);
        await KeepNextScheduledAsync();
        if (NextSession() is { } next)
        {
            await GrainFactory.GetSessionInternal(next).ReceiveActionItemsAsync(occurrence, open);
        }
    }

    public Task<ImmutableDictionary<MemberId, int>?> GetGroupsAsync() => Task.FromResult(
        State.Plan is { StandingGroups: true } ? State.Groups.ToImmutableDictionary(g => new MemberId(g.Key), g => g.Value) : null);

    public async Task RememberGroupsAsync(ImmutableArray<RoomAssignment> placement)
    {
        if (State.Plan is not { StandingGroups: true })
        {
            return;
        }
        var added = false;
        foreach (var assignment in placement)
        {
            added |= State.Groups.TryAdd(assignment.Member.Value, assignment.Room);
        }
        if (added)
        {
            await PersistAsync(state);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await KeepNextScheduledAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.NextFailed(e, Id);
        }
    }

    /// <summary>
    /// Makes sure the next meeting has its session: first learns whether the scheduled ones have ended or were cancelled
    /// meanwhile, then schedules the next if it has none. When the series is finished, its reminder goes.
    /// </summary>
    private async Task KeepNextScheduledAsync()
    {
        if (State.Plan is not { } plan)
        {
            return;
        }
        var changed = false;
        var now = clock.GetCurrentInstant();
        var starts = Recurrence.Starts(plan, State.Moved);
        foreach (var (index, session) in State.Sessions.Where(s => !State.Over.Contains(s.Key)).ToList())
        {
            // Over: held or cancelled, or never started and its time is past (a meeting running late is not over).
            var status = await GrainFactory.GetSessionInternal(session).GetStatusAsync();
            var past = Recurrence.Resolve(starts[index], plan.TimeZone) + plan.Duration <= now;
            if (status is SessionStatus.Ended or SessionStatus.Cancelled || (status == SessionStatus.Scheduled && past))
            {
                changed |= State.Over.Add(index);
            }
        }
        var next = Recurrence.Next(plan, State.Moved, State.Skipped, State.Over, now);
        if (next is { } index2 && !State.Sessions.ContainsKey(index2))
        {
            var id = SeriesRules.SessionIdFor(Id, index2);
            var local = starts[index2];
            await GrainFactory.GetCommunityInternal(plan.Community).ScheduleOccurrenceAsync(id, SeriesRules.Session(Id, plan, index2, local));
            State.Sessions[index2] = id;
            changed = true;
            logger.OccurrenceScheduled(Id, index2, id);
            if (State.CarriedFrom < index2 && State.Carried.Count > 0)
            {
                await GrainFactory.GetSessionInternal(id).ReceiveActionItemsAsync(State.CarriedFrom, [.. State.Carried]);
            }
        }
        if (changed)
        {
            await PersistAsync(state);
        }
        if (next is null && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The session of the next meeting after the one the carried items came from, if it is scheduled.</summary>
    private SessionId? NextSession() => State.Sessions
        .Where(s => s.Key > State.CarriedFrom && !State.Over.Contains(s.Key) && !State.Skipped.Contains(s.Key))
        .OrderBy(s => s.Key)
        .Select(s => (SessionId?)s.Value)
        .FirstOrDefault();

    private void EnsureNotOver(int index)
    {
        if (State.Over.Contains(index) || Recurrence.Resolve(Recurrence.Starts(Plan, State.Moved)[index], Plan.TimeZone) + Plan.Duration <= clock.GetCurrentInstant())
        {
            throw new CopLiveException(CopLiveError.Conflict, $"Meeting {index + 1} is over.");
        }
    }

    private Attempt Attempt(string action) => new(action, null, Plan.Title);

    private Task RecordAsync(Caller caller, string action, string detail, string? reason) =>
        GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, action, null, $"{Plan.Title}: {detail}", reason, AuditOutcomes.Done);

    private SeriesView View()
    {
        var plan = Plan;
        var now = clock.GetCurrentInstant();
        var starts = Recurrence.Starts(plan, State.Moved);
        return new SeriesView(Id, plan, [.. starts.Select((local, i) =>
        {
            var start = Recurrence.Resolve(local, plan.TimeZone);
            var status = State.Skipped.Contains(i) ? OccurrenceStatus.Skipped
                : State.Over.Contains(i) || start + plan.Duration <= now ? OccurrenceStatus.Over
                : State.Sessions.ContainsKey(i) ? OccurrenceStatus.Scheduled
                : OccurrenceStatus.Planned;
            return new Occurrence(i, local, start, status, State.Sessions.TryGetValue(i, out var s) ? s : null, State.Moved.ContainsKey(i));
        })]);
    }
}
