using Orleans.Concurrency;

namespace CopLive.Grains.Rooms;

/// <summary>A gateway's subscription to a room (one per gateway): the newest complete state.</summary>
[Alias("coplive.IRoomObserver")]
public interface IRoomObserver : IGrainObserver
{
    /// <summary>The room changed.</summary>
    [OneWay, Alias("RoomChanged")]
    Task RoomChanged(RoomView room);
}
