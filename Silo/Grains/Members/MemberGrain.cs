using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Members;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Members;

/// <summary>A person's profile and the communities they belong to.</summary>
[GrainType("coplive.member")]
public sealed partial class MemberGrain(
    [PersistentState("member", StorageNames.Default)] IPersistentState<MemberState> state,
    IClock clock,
    ILogger<MemberGrain> logger) : ObservedGrain<IMemberObserver>(logger), IMemberGrain, IMemberGrainInternal
{
    /// <summary>How many attended sessions a member's past meetings keep.</summary>
    public const int AttendedKept = 200;

    private MemberState State => state.State;
    private MemberId Id => new(this.GetPrimaryKey());

    public async Task<MemberProfile> JoinedCommunityAsync(CommunityId community, string displayName, string timeZone)
    {
        if (!State.Exists)
        {
            State.Exists = true;
            State.DisplayName = displayName;
            State.TimeZone = timeZone;
            State.CreatedAt = clock.GetCurrentInstant();
        }
        if (!State.Communities.Contains(community))
        {
            State.Communities.Add(community);
        }
        await PersistAsync(state);
        return Profile();
    }

    public async Task LeftCommunityAsync(CommunityId community)
    {
        if (State.Communities.Remove(community))
        {
            await PersistAsync(state);
        }
    }

    public Task RevokeAccessAsync(string reason) => Observers.Notify(o => o.AccessRevoked(Id, reason));

    public Task<MemberProfile?> GetProfileAsync(Caller caller)
    {
        EnsureSelf(caller);
        return Task.FromResult(State.Exists ? Profile() : null);
    }

    public async Task<ImmutableArray<CommunityUpcoming>> GetUpcomingSessionsAsync(Caller caller)
    {
        EnsureSelf(caller);
        // Each community checks the member's own right to its schedule.
        var self = Caller.ForMember(Id);
        var lookups = State.Communities.Select(async community =>
        {
            try
            {
                return await GrainFactory.GetCommunity(community).GetUpcomingSessionsAsync(self);
            }
            catch (CopLiveException refusal) when (refusal.Code is CopLiveError.Forbidden or CopLiveError.NotFound)
            {
                // The community no longer counts this person as a member (for example after a ban).
                LogSkipped(Id, community, refusal.Code);
                return null;
            }
        });
        var results = await Task.WhenAll(lookups);
        return [.. results.OfType<CommunityUpcoming>()];
    }

    public Task<ImmutableArray<SessionSummary>> GetPastSessionsAsync(Caller caller)
    {
        EnsureSelf(caller);
        return Task.FromResult<ImmutableArray<SessionSummary>>(
            [.. State.Attended.Where(s => s.Status == SessionStatus.Ended && State.Communities.Contains(s.Community))]);
    }

    public async Task AttendedAsync(SessionSummary session)
    {
        var index = State.Attended.FindIndex(s => s.Id == session.Id);
        if (index >= 0 && State.Attended[index] == session)
        {
            return;
        }
        if (index >= 0)
        {
            State.Attended[index] = session;
        }
        else
        {
            State.Attended.Add(session);
        }
        State.Attended.Sort((a, b) => b.Start.CompareTo(a.Start));
        if (State.Attended.Count > AttendedKept)
        {
            State.Attended.RemoveRange(AttendedKept, State.Attended.Count - AttendedKept);
        }
        await PersistAsync(state);
    }

    /// <summary>A profile is the member's own (the administrator may look too).</summary>
    private void EnsureSelf(Caller caller)
    {
        if (!caller.IsAdmin && caller.Member != Id)
        {
            throw CopLiveException.Forbidden("A member's profile is theirs alone.");
        }
    }

    private MemberProfile Profile() =>
        new(Id, State.DisplayName, State.TimeZone, [.. State.Communities], State.CreatedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} skipped community {CommunityId}: {Code}")]
    private partial void LogSkipped(MemberId memberId, CommunityId communityId, CopLiveError code);
}
