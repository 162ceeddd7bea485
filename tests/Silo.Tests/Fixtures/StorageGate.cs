using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CopLive.Silo.Tests.Fixtures;

/// <summary>
/// Lets a test hold every write of one kind of grain state (archived history segments, say) and watch what the rest
/// of the silo does meanwhile, then let them through or fail them. Open unless a test holds it; the storage behind
/// it is the real one.
/// </summary>
public sealed class StorageGate
{
    private readonly Lock _lock = new();
    private string? _held;
    private TaskCompletionSource _released = new();
    private TaskCompletionSource _reached = new();

    /// <summary>Completes once a write of the held state has arrived and is waiting.</summary>
    public Task Reached
    {
        get
        {
            lock (_lock)
            {
                return _reached.Task;
            }
        }
    }

    /// <summary>From now on, writes and clears of <paramref name="stateName"/> wait until <see cref="Release"/>.</summary>
    public void Hold(string stateName)
    {
        lock (_lock)
        {
            _held = stateName;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the held writes through, or fails them with <paramref name="fault"/>; every later write passes.</summary>
    public void Release(Exception? fault = null)
    {
        lock (_lock)
        {
            _held = null;
            if (fault is null)
            {
                _released.TrySetResult();
            }
            else
            {
                _released.TrySetException(fault);
            }
        }
    }

    /// <summary>Puts the gate in front of the grain storage registered as <paramref name="storageName"/>.</summary>
    public void Install(IServiceCollection services, string storageName)
    {
        var real = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, storageName));
        services.Remove(real);
        services.AddKeyedSingleton<IGrainStorage>(storageName, (provider, key) => new GatedGrainStorage(Create(real, provider, key), this));
    }

    private Task PassAsync(string stateName)
    {
        lock (_lock)
        {
            if (stateName != _held)
            {
                return Task.CompletedTask;
            }
            _reached.TrySetResult();
            return _released.Task;
        }
    }

    private static IGrainStorage Create(ServiceDescriptor real, IServiceProvider provider, object? key) =>
        (IGrainStorage)(real.KeyedImplementationInstance
            ?? real.KeyedImplementationFactory?.Invoke(provider, key)
            ?? ActivatorUtilities.CreateInstance(provider, real.KeyedImplementationType!));

    /// <summary>The real storage behind the gate; still takes part in the silo's lifecycle if the real one does.</summary>
    private sealed class GatedGrainStorage(IGrainStorage real, StorageGate gate) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            real.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await gate.PassAsync(stateName);
            await real.WriteStateAsync(stateName, grainId, grainState);
        }

        public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await gate.PassAsync(stateName);
            await real.ClearStateAsync(stateName, grainId, grainState);
        }

        public void Participate(ISiloLifecycle lifecycle) => (real as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
