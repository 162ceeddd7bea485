using Orleans.Concurrency;

namespace CopLive.Grains.Directory;

/// <summary>A gateway following the server's directory.</summary>
[Alias("coplive.IDirectoryObserver")]
public interface IDirectoryObserver : IGrainObserver
{
    /// <summary>The complete index after a change.</summary>
    [OneWay, Alias("DirectoryChanged")]
    Task DirectoryChanged(DirectoryView directory);
}
