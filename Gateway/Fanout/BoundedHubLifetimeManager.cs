using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// SignalR's in-process hub lifetime manager, with a cap on what one connection may leave unread. The gateway
/// never waits for a connection to take a message (<see cref="DetachedSend"/>), so a client that reads, but more
/// slowly than its documents change (a large paste to a teacher on a weak link), would otherwise have its backlog
/// grow in the gateway's memory for as long as the editing goes on. A connection whose messages waiting in the
/// gateway pass <see cref="FanoutOptions.MaxUnreadMb"/> is closed instead; its client reconnects and fetches what it
/// missed (<c>GetOps</c>), which costs the gateway nothing to hold. Group and single-connection sends, which are
/// all the gateway makes, go through here; SignalR's own group lists are kept in step for everything else.
/// </summary>
internal sealed partial class BoundedHubLifetimeManager<THub>(
    FanoutOptions options,
    ILogger<DefaultHubLifetimeManager<THub>> baseLogger,
    ILogger<BoundedHubLifetimeManager<THub>> logger) : DefaultHubLifetimeManager<THub>(baseLogger) where THub : Hub
{
    private readonly long _limit = options.MaxUnreadMb * 1024L * 1024L;
    private readonly ConcurrentDictionary<string, Reader> _readers = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Reader>> _groups = new();
    private readonly Lock _membership = new();  // joins, leaves and disconnects: a dropped group takes no newcomer, a gone connection joins nothing

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _readers[connection.ConnectionId] = new Reader(connection);
        await base.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        // Under the membership lock, so a join racing the disconnect either lands before it (and is undone here) or
        // finds the reader gone: a closed connection never lingers in a group.
        lock (_membership)
        {
            if (_readers.TryRemove(connection.ConnectionId, out var reader))
            {
                foreach (var group in reader.Groups)
                {
                    LeaveLocked(group, connection.ConnectionId);
                }
            }
        }
        await base.OnDisconnectedAsync(connection);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.AddToGroupAsync(connectionId, groupName, cancellationToken);
        lock (_membership)
        {
            if (_readers.TryGetValue(connectionId, out var reader))
            {
                _groups.GetOrAdd(groupName, _ => new())[connectionId] = reader;
                reader.Groups.Add(groupName);
            }
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        lock (_membership)
        {
            if (_readers.TryGetValue(connectionId, out var reader))
            {
                reader.Groups.Remove(groupName);
            }
            LeaveLocked(groupName, connectionId);
        }
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        if (!_groups.TryGetValue(groupName, out var members) || members.IsEmpty)
        {
            return Task.CompletedTask;
        }
        // Serialized once for the whole group, as SignalR does.
        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        List<Task>? writing = null;
        foreach (var (_, reader) in members)
        {
            var write = Write(reader, message, cancellationToken);
            if (!write.IsCompletedSuccessfully)
            {
                (writing ??= []).Add(write.AsTask());
            }
        }
        return writing is null ? Task.CompletedTask : Task.WhenAll(writing);
    }

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _readers.TryGetValue(connectionId, out var reader)
            ? Write(reader, new SerializedHubMessage(new InvocationMessage(methodName, args)), cancellationToken).AsTask()
            : Task.CompletedTask;

    private ValueTask Write(Reader reader, SerializedHubMessage message, CancellationToken cancellationToken)
    {
        var size = message.GetSerializedMessage(reader.Connection.Protocol).Length;
        var unread = reader.Take(size);
        if (unread > _limit)
        {
            reader.Give(size);
            if (reader.Close())
            {
                LogTooFarBehind(logger, reader.Connection.ConnectionId, unread - size);
            }
            return ValueTask.CompletedTask;
        }
        var write = reader.Connection.WriteAsync(message, cancellationToken);
        if (write.IsCompletedSuccessfully)
        {
            reader.Give(size);
            return ValueTask.CompletedTask;
        }
        return Awaited(reader, write, size);

        static async ValueTask Awaited(Reader reader, ValueTask write, int size)
        {
            try
            {
                await write;
            }
            finally
            {
                reader.Give(size);
            }
        }
    }

    /// <summary>Takes a connection out of a group, and drops the group once empty; the caller holds the membership lock.</summary>
    private void LeaveLocked(string groupName, string connectionId)
    {
        if (_groups.TryGetValue(groupName, out var members) && members.TryRemove(connectionId, out _) && members.IsEmpty)
        {
            _groups.TryRemove(groupName, out _);
        }
    }

    /// <summary>One connection, what it has not taken yet, and the groups it is in.</summary>
    private sealed class Reader(HubConnectionContext connection)
    {
        private long _unread;
        private int _closed;

        public HubConnectionContext Connection { get; } = connection;

        /// <summary>Read and changed only under the manager's membership lock.</summary>
        public HashSet<string> Groups { get; } = [];

        /// <summary>Counts a message as waiting; returns the bytes waiting with it.</summary>
        public long Take(int bytes) => Interlocked.Add(ref _unread, bytes);

        public void Give(int bytes) => Interlocked.Add(ref _unread, -bytes);

        /// <summary>Closes the connection; true the first time.</summary>
        public bool Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return false;
            }
            // Not HubConnectionContext.Abort(): that tells the client not to reconnect. A dropped socket looks like a
            // lost link, which clients recover from by reconnecting and catching up.
            if (Connection.GetHttpContext() is { } http)
            {
                http.Abort();
            }
            else
            {
                Connection.Abort();
            }
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Closed connection {ConnectionId}: it left {UnreadBytes} bytes unread; its client will reconnect and catch up")]
    private static partial void LogTooFarBehind(ILogger logger, string connectionId, long unreadBytes);
}
