using System.Net;
using CopLive.Silo.Observability;
using CopLive.Silo.Storage;
using CopLive.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace CopLive.Silo.Hosting;

/// <summary>Wiring of a CopLive silo and of a CopLive cluster client.</summary>
public static class CopLiveSiloExtensions
{
    /// <summary>
    /// Hosts a CopLive silo configured from <c>Storage</c>, <c>Orleans</c> and <c>Data</c>: SQLite with localhost
    /// clustering by default, or PostgreSQL for both persistence and cluster membership.
    /// </summary>
    public static IHostApplicationBuilder AddCopLiveSilo(this IHostApplicationBuilder builder)
    {
        var (storage, cluster) = ReadSettings(builder.Configuration);
        var documents = ValidatedOptions.Read<DocumentOptions>(builder.Configuration, DocumentOptions.Section);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(documents));
        var sessions = ValidatedOptions.Read<SessionOptions>(builder.Configuration, SessionOptions.Section);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(sessions));

        builder.UseOrleans(silo =>
        {
            ConfigureClusterIds(silo.Services, cluster);
            if (storage.Provider == StorageProvider.Postgres)
            {
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (storage.Invariant, storage.ConnectionString));
                silo.ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort);
                silo.Configure<ClusterMembershipOptions>(FailureDetection.Configure);
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            }

            silo.AddCopLiveStorage(storage);
        });
        return builder;
    }

    /// <summary>Grain storage on <paramref name="storage"/>, its schema, and the services CopLive grains need.</summary>
    public static ISiloBuilder AddCopLiveStorage(this ISiloBuilder silo, StorageSettings storage)
    {
        silo.Services.AddSingleton(storage);
        silo.Services.AddSingleton<SchemaInstaller>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstallerLifecycle>();
        silo.Services.TryAddSingleton<IClock>(SystemClock.Instance);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<CopLiveMetrics>();
        silo.Services.AddOptions<DocumentOptions>();
        silo.Services.AddOptions<SessionOptions>();

        // Orleans' default storage serializer writes NodaTime values it cannot read back; System.Text.Json
        // with NodaTime's converters round-trips them (and stores readable JSON).
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o =>
            o.JsonSerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));

        if (storage.Provider == StorageProvider.Sqlite)
        {
            // SQLite takes one writer at a time: CopLive's own storage commits many grains' writes together.
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (services, _) =>
                SqliteGrainStorage.Create(services, storage.ConnectionString));
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Default, o => (o.Invariant, o.ConnectionString) = (storage.Invariant, storage.ConnectionString));
        }
        AddReminders(silo, storage);
        return silo;
    }

    /// <summary>
    /// Connects this process to a CopLive cluster as an Orleans client: through PostgreSQL membership when the
    /// storage switch says Postgres, otherwise to a silo on this machine's <c>Orleans:GatewayPort</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCopLiveClusterClient(this IHostApplicationBuilder builder)
    {
        var (storage, cluster) = ReadSettings(builder.Configuration);

        builder.UseOrleansClient(client =>
        {
            ConfigureClusterIds(client.Services, cluster);
            if (storage.Provider == StorageProvider.Postgres)
            {
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (storage.Invariant, storage.ConnectionString));
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = FailureDetection.GatewayListRefresh);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = FailureDetection.CallTimeout);
        });
        return builder;
    }

    /// <summary>
    /// Durable reminders in the same database as the grains: Orleans' ADO.NET table on PostgreSQL, CopLive's own on
    /// SQLite. Sessions wake on them at intervals of seconds (<see cref="SessionOptions.ReminderSeconds"/>), below
    /// Orleans' default minimum of a minute.
    /// </summary>
    private static void AddReminders(ISiloBuilder silo, StorageSettings storage)
    {
        silo.AddReminders();
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        if (storage.Provider == StorageProvider.Sqlite)
        {
            silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        }
        else
        {
            silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (storage.Invariant, storage.ConnectionString));
        }
    }

    private static (StorageSettings Storage, CopLiveClusterOptions Cluster) ReadSettings(IConfiguration configuration) =>
        (StorageSettings.FromConfiguration(configuration),
         ValidatedOptions.Read<CopLiveClusterOptions>(configuration, CopLiveClusterOptions.Section));

    private static void ConfigureClusterIds(IServiceCollection services, CopLiveClusterOptions cluster) =>
        services.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));

    private static IPAddress AdvertisedAddress(CopLiveClusterOptions cluster) =>
        IPAddress.TryParse(cluster.AdvertisedAddress, out var address)
            ? address
            : throw new InvalidOperationException(
                $"Invalid configuration: Orleans:AdvertisedAddress must be an IP address; '{cluster.AdvertisedAddress}' is not.");
}
