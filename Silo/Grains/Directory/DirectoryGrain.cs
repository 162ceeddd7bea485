using CopLive.Grains.Directory;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Directory;

/// <summary>
/// The server's index for moderators. It only lists; every right stays with the community, session, room and
/// document grains, so a stale or lost entry can hide something from the console but never open anything.
/// </summary>
[GrainType("coplive.directory")]
public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<DirectoryState> state,
    IClock clock,
    ILogger<DirectoryGrain> logger) : ObservedGrain<IDirectoryObserver>(logger), IDirectoryGrain, IDirectoryGrainInternal
{
    /// <summary>How long an ended session stays listed (after its scheduled end).</summary>
    public static readonly Duration EndedKept = Duration.FromHours(24);

    /// <summary>How long a session that never started stays listed after its scheduled end.</summary>
    public static readonly Duration UnstartedKept = Duration.FromDays(7);


    private DirectoryState State => state.State;

    public async Task CommunityCreatedAsync(CommunityId community, string name)
    {
        if (State.Communities.Any(c => c.Id == community))
        {
            return;
        }
        State.Communities.Add(new DirectoryCommunity(community, name));
        await CommitAsync();
    }

    public async Task SessionChangedAsync(SessionSummary summary)
    {
        var index = State.Sessions.FindIndex(s => s.Id == summary.Id);
        if (index >= 0 && State.Sessions[index] == summary)
        {
            return;
        }
        if (index >= 0)
        {
            State.Sessions[index] = summary;
        }
        else
        {
            State.Sessions.Add(summary);
        }
        Prune(clock.GetCurrentInstant());
        await CommitAsync();
    }

    public Task<DirectoryView> GetAsync() => Task.FromResult(View());

    private void Prune(Instant now) =>
        State.Sessions.RemoveAll(s => s.Status switch
        {
            SessionStatus.Ended or SessionStatus.Cancelled => s.End + EndedKept < now,
            SessionStatus.Scheduled => s.End + UnstartedKept < now,
            _ => false,
        });

    private async Task CommitAsync()
    {
        State.Seq++;
        await PersistAsync(state);
        var view = View();
        await Observers.Notify(o => o.DirectoryChanged(view));
    }

    private DirectoryView View() => new(State.Seq, [.. State.Communities], [.. State.Sessions.OrderBy(s => s.Start)]);
}
