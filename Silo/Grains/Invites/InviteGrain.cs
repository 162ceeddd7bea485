using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Silo.Storage;

namespace CopLive.Silo.Grains.Invites;

/// <summary>Finds the community of an invite code; keyed by the code's hash.</summary>
[GrainType("coplive.invite")]
public sealed class InviteGrain(
    [PersistentState("invite", StorageNames.Default)] IPersistentState<InviteState> state)
    : PersistentGrain, IInviteGrain, IInviteGrainInternal
{
    public async Task RegisterAsync(CommunityId community)
    {
        if (state.State.Community is { } existing)
        {
            if (existing != community)
            {
                throw new CopLiveException(CopLiveError.Conflict, "This invite code already belongs to another community.");
            }
            return;
        }

        state.State.Community = community;
        await PersistAsync(state);
    }

    public Task<CommunityId?> ResolveAsync() => Task.FromResult(state.State.Community);
}
