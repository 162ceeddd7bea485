using System.Collections.Concurrent;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// Which of this gateway's connections follow which grain, so the gateway holds one subscription per grain
/// (taken by the first connection, dropped by the last) and can renew them all.
/// </summary>
internal sealed class LocalSubscriptions<TKey>(Func<TKey, Task> subscribe, Func<TKey, Task> unsubscribe) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _counts = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<TKey, byte>> _connections = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Grains with at least one local connection.</summary>
    public IEnumerable<TKey> Active => _counts.Where(p => p.Value > 0).Select(p => p.Key);

    /// <summary>Whether a grain has at least one local connection.</summary>
    public bool IsActive(TKey key) => _counts.TryGetValue(key, out var count) && count > 0;

    /// <summary>Adds a connection to a grain; subscribes the gateway when it is the first.</summary>
    public async Task AddAsync(string connectionId, TKey key)
    {
        if (!_connections.GetOrAdd(connectionId, _ => new()).TryAdd(key, 0))
        {
            return;
        }
        await _gate.WaitAsync();
        try
        {
            var count = _counts.AddOrUpdate(key, 1, (_, c) => c + 1);
            if (count == 1)
            {
                await subscribe(key);
            }
        }
        catch
        {
            _counts.AddOrUpdate(key, 0, (_, c) => c - 1);
            _connections[connectionId].TryRemove(key, out _);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes a connection from a grain; true if it was there.</summary>
    public async Task<bool> RemoveAsync(string connectionId, TKey key)
    {
        if (!_connections.TryGetValue(connectionId, out var keys) || !keys.TryRemove(key, out _))
        {
            return false;
        }
        await ReleaseAsync(key);
        return true;
    }

    /// <summary>Removes a closed connection from everything it followed; returns what that was.</summary>
    public async Task<IReadOnlyList<TKey>> RemoveAllAsync(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var keys))
        {
            return [];
        }
        foreach (var key in keys.Keys)
        {
            await ReleaseAsync(key);
        }
        return [.. keys.Keys];
    }

    private async Task ReleaseAsync(TKey key)
    {
        await _gate.WaitAsync();
        try
        {
            if (_counts.AddOrUpdate(key, 0, (_, c) => c - 1) <= 0)
            {
                _counts.TryRemove(key, out _);
                await unsubscribe(key);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
