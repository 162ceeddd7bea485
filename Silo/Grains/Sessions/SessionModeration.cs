using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Sessions;
using NodaTime;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// Moderating a session: the rights over a member and their limit (only members below one's own role), a mute that
/// reaches every place the member could write before the call returns, removal, and messages to every room.
/// </summary>
internal sealed class SessionModeration(SessionState state, SessionPlan plan, IGrainFactory grains, Gatekeeper gate)
{
    /// <summary>
    /// Checks that the caller holds <paramref name="right"/> over <paramref name="member"/>: the right itself, and its
    /// limit. Returns the validated reason.
    /// </summary>
    public async Task<string?> EnsureAsync(Caller caller, Right right, Attempt attempt, MemberId member, string? reason, string verb)
    {
        var moderator = await gate.RequireAsync(caller, right, attempt);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = await grains.GetCommunityInternal(plan.Community).GetMemberAsync(member)
            ?? throw CopLiveException.Invalid("member", "That person is not a member of this community.");
        if (moderator is not null && target.Role >= moderator.Role)
        {
            throw await gate.RefuseAsync(caller, attempt, $"You can only {verb} members below your own role.");
        }
        return why;
    }

    /// <summary>
    /// Takes a member out of the session for good: their presence ended, out of the round and the main room; false
    /// if they were out already. The session stores the change, then closes their connections.
    /// </summary>
    public async Task<bool> RemoveAsync(MemberId member, Attendance attendance, SessionBreakouts breakouts, Instant now)
    {
        if (state.Removed.Contains(member))
        {
            return false;
        }
        state.Removed.Add(member);
        attendance.Remove(member, now);
        await breakouts.RemoveAsync(member);
        if (state.MainRoom != default)
        {
            await grains.GetRoomInternal(state.MainRoom).ExcludeAsync(member);
        }
        return true;
    }

    /// <summary>Posts <paramref name="message"/> to the main room and every room of the round.</summary>
    public Task BroadcastAsync(CommunityMember? sender, string message)
    {
        var rooms = (state.Round?.Rooms.Select(r => r.Room) ?? []).Append(state.MainRoom);
        return Task.WhenAll(rooms.Select(r => grains.GetRoomInternal(r).BroadcastAsync(sender?.Member ?? default, sender?.DisplayName ?? "admin", message)));
    }

    /// <summary>Mutes or unmutes a member in every document and room of the session; false if nothing changed.</summary>
    public async Task<bool> SetMutedAsync(MemberId member, bool muted)
    {
        if (muted == state.Muted.Contains(member))
        {
            return false;
        }
        var documents = (state.Round?.Rooms.Select(r => r.Notes) ?? []).Append(plan.MainDocument);
        var rooms = (state.Round?.Rooms.Select(r => r.Room) ?? []).Append(state.MainRoom).Where(r => r != default);
        await Task.WhenAll(documents.Select(d => grains.GetDocumentInternal(d).SetMutedAsync(member, muted))
            .Concat(rooms.Select(r => grains.GetRoomInternal(r).SetMutedAsync(member, muted))));
        if (muted)
        {
            state.Muted.Add(member);
        }
        else
        {
            state.Muted.Remove(member);
        }
        return true;
    }
}
