using CopLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CopLive.Silo.Tests.Fixtures;

/// <summary>A real one-silo Orleans cluster on real storage, with a fake clock the tests move.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 2, 15, 0));

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public StorageSettings Storage { get; private set; } = null!;

    /// <summary>Holds writes of one kind of state when a test asks; open otherwise.</summary>
    public StorageGate StorageGate { get; } = new();

    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    /// <summary>The grain storage provider CopLive grains write to.</summary>
    public IGrainStorage GrainStorage => SiloServices.GetRequiredKeyedService<IGrainStorage>(Silo.Storage.StorageNames.Default);

    protected abstract Task<StorageSettings> CreateStorageAsync();

    public async Task InitializeAsync()
    {
        Storage = await CreateStorageAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IClock>(Clock);
            silo.AddCopLiveStorage(Storage);
            StorageGate.Install(silo.Services, Silo.Storage.StorageNames.Default);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Deactivates every idle grain, so the next call reloads state from storage.</summary>
    public Task DeactivateAllAsync() =>
        Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }
}
