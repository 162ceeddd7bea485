using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Directory;

/// <summary>
/// The server's index of communities and of sessions that are scheduled, live or recently ended: what the
/// moderators' console lists. One activation (key 0); communities and sessions report to it as they change.
/// </summary>
[Alias("coplive.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The current index.</summary>
    [Alias("Get")]
    Task<DirectoryView> GetAsync();

    /// <summary>Receives the index after every change, until unsubscribed or the subscription expires (renew each minute).</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IDirectoryObserver observer);

    /// <summary>Stops the notifications.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IDirectoryObserver observer);
}
