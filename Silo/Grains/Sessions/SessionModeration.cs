using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// Moderating a session's members: the rights and their limit (only members below one's own role), and a mute that
/// reaches every place the member could write before the call returns.
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
