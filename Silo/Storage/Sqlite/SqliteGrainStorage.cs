using System.Globalization;
using System.Runtime.InteropServices;
using CopLive.Silo.Observability;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// Grain storage for the embedded SQLite database, keeping the ADO.NET provider's contract (versions as ETags, a
/// lost race is an <see cref="InconsistentStateException"/>, the same serializer) while writing through one
/// <see cref="StateWriter"/>, so that concurrent grain writes share commits. Reads use pooled connections beside
/// the writer (WAL).
/// </summary>
internal sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const string ReadQuery = """
        SELECT Payload, Version FROM GrainState
        WHERE ServiceId = $service AND StateName = $state AND GrainId = $grain
        """;

    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly Lazy<StateWriter> _writer;

    public SqliteGrainStorage(
        string connectionString,
        IOptions<ClusterOptions> cluster,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        IClock clock,
        CopLiveMetrics metrics,
        ILogger<SqliteGrainStorage> logger)
    {
        _connectionString = connectionString;
        _serviceId = cluster.Value.ServiceId;
        _serializer = serializer;
        _activators = activators;
        // Opened on first use: the schema is installed when the silo starts, after this object is built.
        _writer = new(() => new StateWriter(connectionString, clock, metrics.StorageCommit, logger));
    }

    /// <summary>The storage for the database at <paramref name="connectionString"/>, with the silo's services.</summary>
    public static SqliteGrainStorage Create(IServiceProvider services, string connectionString) => new(
        connectionString,
        services.GetRequiredService<IOptions<ClusterOptions>>(),
        services.GetRequiredService<IGrainStorageSerializer>(),
        services.GetRequiredService<IActivatorProvider>(),
        services.GetRequiredService<IClock>(),
        services.GetRequiredService<CopLiveMetrics>(),
        services.GetRequiredService<ILogger<SqliteGrainStorage>>());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Read(Key(stateName, grainId)) is { } row)
        {
            Load(grainState, row.Payload, row.Version);
        }
        else
        {
            grainState.State = _activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized now, on the grain's turn: the grain may change its state object as soon as this returns a task.
        var payload = Payload(_serializer.Serialize(grainState.State));
        var version = await ApplyAsync(new StateChange(StateChangeKind.Write, Key(stateName, grainId), payload, Version(grainState.ETag)), "WriteState", grainId, grainState.ETag);
        grainState.ETag = Etag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = await ApplyAsync(new StateChange(StateChangeKind.Clear, Key(stateName, grainId), null, Version(grainState.ETag)), "ClearState", grainId, grainState.ETag);
        grainState.ETag = Etag(version);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    public void Dispose()
    {
        if (_writer.IsValueCreated)
        {
            _writer.Value.Dispose();
        }
    }

    private async Task<long> ApplyAsync(StateChange change, string operation, GrainId grainId, string? etag) =>
        await _writer.Value.ApplyAsync(change) ?? throw new InconsistentStateException(
            $"Version conflict ({operation}): ServiceId={_serviceId} State={change.Key.StateName} GrainId={grainId} ETag={etag}.");

    private void Load<T>(IGrainState<T> grainState, byte[]? payload, long version)
    {
        grainState.State = payload is null ? _activators.GetActivator<T>().Create() : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = Etag(version);
        grainState.RecordExists = payload is not null;
    }

    private (byte[]? Payload, long Version)? Read(StateKey key)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ReadQuery;
        command.Parameters.AddWithValue("$service", key.ServiceId);
        command.Parameters.AddWithValue("$state", key.StateName);
        command.Parameters.AddWithValue("$grain", key.GrainId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetInt64(1))
            : null;
    }

    /// <summary>The serialized state's bytes, without a copy when they already fill an array of their own.</summary>
    private static byte[] Payload(BinaryData serialized) =>
        MemoryMarshal.TryGetArray(serialized.ToMemory(), out var bytes) && bytes.Offset == 0 && bytes.Count == bytes.Array!.Length
            ? bytes.Array
            : serialized.ToArray();

    private StateKey Key(string stateName, GrainId grainId) => new(_serviceId, stateName, grainId.ToString());

    private static long? Version(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : long.Parse(etag, CultureInfo.InvariantCulture);

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
