using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Storage;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>One meeting of a community.</summary>
[GrainType("coplive.session")]
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Default)] IPersistentState<SessionState> state)
    : PersistentGrain, ISessionGrain
{
    private SessionState State => state.State;
    private SessionId Id => new(this.GetPrimaryKey());

    public async Task<SessionDetails> InitializeAsync(SessionPlan plan)
    {
        if (State.Plan is { } existing)
        {
            return IsSamePlan(existing, plan)
                ? Details(existing)
                : throw new CopLiveException(CopLiveError.Conflict, "This session already exists.");
        }

        State.Plan = plan;
        State.Status = SessionStatus.Scheduled;
        await PersistAsync(state);
        return Details(plan);
    }

    public async Task<SessionDetails> GetAsync(Caller caller)
    {
        var plan = State.Plan ?? throw CopLiveException.NotFound("There is no such session.");
        if (!caller.IsAdmin && await GrainFactory.GetCommunity(plan.Community).GetRoleAsync(caller.Member) is null)
        {
            throw CopLiveException.Forbidden("You are not a member of this session's community.");
        }
        return Details(plan);
    }

    private SessionDetails Details(SessionPlan plan) => new(
        new SessionSummary(
            Id, plan.Community, plan.Title, plan.Start, plan.Start + plan.Duration,
            plan.TimeZone, plan.LocalStart, State.Status),
        plan.Duration, plan.Agenda, plan.CreatedBy, plan.CreatedAt);

    // Records compare ImmutableArray members by reference, so compare the agenda by value.
    private static bool IsSamePlan(SessionPlan a, SessionPlan b) =>
        a with { Agenda = [] } == b with { Agenda = [] } && a.Agenda.SequenceEqual(b.Agenda);
}
