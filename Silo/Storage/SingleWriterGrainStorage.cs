using Orleans.Storage;

namespace CopLive.Silo.Storage;

/// <summary>
/// Puts grain-state writes to a SQLite database in a queue, one at a time. SQLite admits one writer anyway; left
/// to collide, writers get SQLITE_BUSY and Microsoft.Data.Sqlite retries after sleeping, which turns contention
/// into latency spikes of hundreds of milliseconds. Reads are not queued (WAL lets them run beside a write).
/// </summary>
internal sealed class SingleWriterGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writer.Release();
        }
    }
}
