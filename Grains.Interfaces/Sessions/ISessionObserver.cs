using Orleans.Concurrency;

namespace CopLive.Grains.Sessions;

/// <summary>A gateway's subscription to a session (one per gateway). One-way: the newest complete state.</summary>
[Alias("coplive.ISessionObserver")]
public interface ISessionObserver : IGrainObserver
{
    /// <summary>The session changed; <paramref name="state"/> is complete, numbered by its sequence.</summary>
    [OneWay, Alias("SessionChanged")]
    Task SessionChanged(SessionLive state);
}
