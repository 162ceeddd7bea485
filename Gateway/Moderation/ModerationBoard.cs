using System.Collections.Immutable;
using System.Threading.Channels;
using CopLive.Gateway.Fanout;
using CopLive.Gateway.Hubs;
using CopLive.Gateway.Observability;
using CopLive.Grains.Directory;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Moderation;
using Microsoft.AspNetCore.SignalR;
using NodaTime;
using HelpStatus = CopLive.Grains.Rooms.HelpStatus;
using SessionStatus = CopLive.Grains.Sessions.SessionStatus;

namespace CopLive.Gateway.Moderation;

/// <summary>
/// What the moderators' consoles on this gateway watch: the directory, every live session and its rooms. While at
/// least one console is connected the board holds one subscription per grain (as the participants' fan-out does),
/// folds what the grains push into one view per session, and sends each console the sessions of its scope at most
/// four times a second, so a busy meeting costs the consoles a bounded stream. Everything runs on one loop, so the
/// board's state needs no locks.
/// </summary>
public sealed partial class ModerationBoard(
    IGrainFactory grains,
    IHubContext<AdminHub, IAdminClient> hub,
    PulseSampler sampler,
    SubscriptionRenewal renewal,
    GatewayMetrics metrics,
    IClock clock,
    ILogger<ModerationBoard> logger) : BackgroundService, IDirectoryObserver, ISessionObserver, IRoomObserver
{
    /// <summary>How often changed sessions are sent to consoles.</summary>
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);

    private const int TicksPerPulse = 4;

    private readonly Channel<Work> _inbox = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, ModeratorScope> _consoles = [];
    private readonly Dictionary<SessionId, SessionLive> _live = [];
    private readonly Dictionary<RoomId, RoomView> _rooms = [];
    private readonly Dictionary<RoomId, SessionId> _roomSessions = [];
    private readonly Dictionary<CommunityId, CommunityFacts> _communities = [];
    private readonly HashSet<SessionId> _dirty = [];
    private readonly HashSet<CommunityId> _dirtyCommunities = [];
    private DirectoryView _directory = new(0, [], []);
    private bool _watching;
    private long _revision;
    private long _ticks;
    private IDirectoryObserver? _directoryReference;
    private ISessionObserver? _sessionReference;
    private IRoomObserver? _roomReference;

    private IDirectoryObserver DirectoryReference => _directoryReference ??= grains.CreateObjectReference<IDirectoryObserver>(this);
    private ISessionObserver SessionReference => _sessionReference ??= grains.CreateObjectReference<ISessionObserver>(this);
    private IRoomObserver RoomReference => _roomReference ??= grains.CreateObjectReference<IRoomObserver>(this);

    /// <summary>Registers a console and returns everything in its scope; from now on it receives the board's events.</summary>
    public async Task<Board> OpenAsync(string connectionId, ModeratorScope scope)
    {
        var reply = new TaskCompletionSource<Board>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _inbox.Writer.WriteAsync(new ConsoleOpened(connectionId, scope, reply));
        return await reply.Task;
    }

    /// <summary>Forgets a console; the last one out ends the board's subscriptions.</summary>
    public void Close(string connectionId) => _inbox.Writer.TryWrite(new ConsoleClosed(connectionId));

    public Task DirectoryChanged(DirectoryView directory) => _inbox.Writer.WriteAsync(new DirectoryArrived(directory)).AsTask();

    public Task SessionChanged(SessionLive state) => _inbox.Writer.WriteAsync(new SessionArrived(state)).AsTask();

    public Task RoomChanged(RoomView room) => _inbox.Writer.WriteAsync(new RoomArrived(room)).AsTask();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticking = TickAsync(stoppingToken);
        // The board's subscriptions are renewed as the participants' are (periodically, at once when a silo is lost,
        // each second while that fails), but on the board's own loop, whose state needs no locks.
        var renewing = renewal.RunAsync<ModerationBoard>(() => [this], _ => RenewOnLoopAsync(stoppingToken), (_, _) => { }, stoppingToken);
        try
        {
            await foreach (var work in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(work);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (work is ConsoleOpened opened)
                    {
                        opened.Reply.TrySetException(e);
                    }
                    if (work is RenewDue due)
                    {
                        due.Done.TrySetException(e);
                    }
                    LogWorkFailed(e, work.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ticking;
        await renewing;
    }

    /// <summary>Has the loop renew the board's subscriptions; fails when any could not be renewed, so it is tried again soon.</summary>
    private async Task RenewOnLoopAsync(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _inbox.Writer.WriteAsync(new RenewDue(done), stoppingToken);
        await done.Task.WaitAsync(stoppingToken);
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await _inbox.Writer.WriteAsync(Tick.Instance, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task HandleAsync(Work work) => work switch
    {
        ConsoleOpened o => OpenConsoleAsync(o),
        ConsoleClosed c => CloseConsoleAsync(c.ConnectionId),
        DirectoryArrived d => ApplyDirectoryAsync(d.Directory),
        SessionArrived s => ApplySessionAsync(s.State),
        RoomArrived r => ApplyRoom(r.Room),
        Tick => Ticked(),
        RenewDue r => RenewAsync(r.Done),
        _ => Task.CompletedTask,
    };

    private async Task OpenConsoleAsync(ConsoleOpened opened)
    {
        if (!_watching)
        {
            await grains.GetDirectory().SubscribeAsync(DirectoryReference);
            _watching = true;
            await ApplyDirectoryAsync(await grains.GetDirectory().GetAsync());
        }
        if (_consoles.TryAdd(opened.ConnectionId, opened.Scope))
        {
            metrics.ConsoleConnected();
        }
        else
        {
            // Opened again on the same connection: the scope is worked out afresh.
            _consoles[opened.ConnectionId] = opened.Scope;
        }
        opened.Reply.TrySetResult(new Board(
            new Moderator(opened.Scope.Caller.IsAdmin, opened.Scope.Name, [.. opened.Scope.Communities.Select(c => c.Value)]),
            [.. _directory.Communities.Where(c => opened.Scope.Includes(c.Id)).Select(c => CommunityRow(c.Id))],
            [.. _directory.Sessions.Where(s => opened.Scope.Includes(s.Community)).Select(Board)],
            Pulse(opened.Scope, sampler.Sample())));
    }

    private async Task CloseConsoleAsync(string connectionId)
    {
        if (!_consoles.Remove(connectionId))
        {
            return;
        }
        metrics.ConsoleDisconnected();
        if (_consoles.Count > 0 || !_watching)
        {
            return;
        }
        _watching = false;
        await IgnoreFailureAsync(grains.GetDirectory().UnsubscribeAsync(DirectoryReference));
        foreach (var session in _live.Keys.ToList())
        {
            await ForgetSessionAsync(session);
        }
        _directory = new DirectoryView(0, [], []);
        _communities.Clear();
        _dirty.Clear();
        _dirtyCommunities.Clear();
    }

    private async Task ApplyDirectoryAsync(DirectoryView directory)
    {
        if (!_watching || directory.Seq < _directory.Seq)
        {
            return;
        }
        var before = _directory.Sessions.ToDictionary(s => s.Id);
        _directory = directory;

        foreach (var community in directory.Communities.Where(c => !_communities.ContainsKey(c.Id)))
        {
            await RefreshCommunityAsync(community.Id);
        }
        foreach (var summary in directory.Sessions)
        {
            if (!before.TryGetValue(summary.Id, out var old) || old != summary)
            {
                _dirty.Add(summary.Id);
                _dirtyCommunities.Add(summary.Community);
            }
            if (summary.Status == SessionStatus.Live && !_live.ContainsKey(summary.Id))
            {
                try
                {
                    await grains.GetSession(summary.Id).SubscribeAsync(SessionReference);
                    await ApplySessionAsync(await grains.GetSession(summary.Id).GetLiveAsync(Caller.Admin));
                    await RefreshCommunityAsync(summary.Community);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One unreachable session must not hide the others; the next directory change retries it.
                    LogSessionUnavailable(e, summary.Id);
                }
            }
        }
        var listed = directory.Sessions.Where(s => s.Status == SessionStatus.Live).Select(s => s.Id).ToHashSet();
        foreach (var gone in _live.Keys.Where(s => !listed.Contains(s)).ToList())
        {
            await ForgetSessionAsync(gone);
        }
    }

    private async Task ApplySessionAsync(SessionLive state)
    {
        if (!_watching || (_live.TryGetValue(state.Session, out var known) && known.Seq >= state.Seq))
        {
            return;
        }
        _live[state.Session] = state;
        _dirty.Add(state.Session);

        var rooms = SessionBoardBuilder.RoomsOf(state).Select(r => r.Id).ToHashSet();
        foreach (var room in rooms.Where(r => !_roomSessions.ContainsKey(r)))
        {
            _roomSessions[room] = state.Session;
            await grains.GetRoom(room).SubscribeAsync(RoomReference);
            await ApplyRoom(await grains.GetRoom(room).GetAsync(Caller.Admin));
        }
        foreach (var room in _roomSessions.Where(p => p.Value == state.Session && !rooms.Contains(p.Key)).Select(p => p.Key).ToList())
        {
            await ForgetRoomAsync(room);
        }
    }

    private Task ApplyRoom(RoomView room)
    {
        if (_roomSessions.TryGetValue(room.Id, out var session) && (!_rooms.TryGetValue(room.Id, out var known) || known.Seq < room.Seq))
        {
            _rooms[room.Id] = room;
            _dirty.Add(session);
        }
        return Task.CompletedTask;
    }

    private async Task ForgetSessionAsync(SessionId session)
    {
        _live.Remove(session);
        _dirty.Add(session);
        await IgnoreFailureAsync(grains.GetSession(session).UnsubscribeAsync(SessionReference));
        foreach (var room in _roomSessions.Where(p => p.Value == session).Select(p => p.Key).ToList())
        {
            await ForgetRoomAsync(room);
        }
    }

    private async Task ForgetRoomAsync(RoomId room)
    {
        _roomSessions.Remove(room);
        _rooms.Remove(room);
        await IgnoreFailureAsync(grains.GetRoom(room).UnsubscribeAsync(RoomReference));
    }

    private async Task RefreshCommunityAsync(CommunityId community)
    {
        try
        {
            _communities[community] = CommunityFacts.From(await grains.GetCommunity(community).GetAsync(Caller.Admin));
            _dirtyCommunities.Add(community);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCommunityUnavailable(e, community);
        }
    }

    private Task Ticked()
    {
        if (!_watching)
        {
            return Task.CompletedTask;
        }
        _ticks++;
        Flush();
        if (_ticks % TicksPerPulse == 0)
        {
            var sample = sampler.Sample();
            foreach (var (connection, scope) in _consoles)
            {
                Send(connection, c => c.Pulse(Pulse(scope, sample)));
            }
        }
        return Task.CompletedTask;
    }

    private void Flush()
    {
        if (_dirty.Count == 0 && _dirtyCommunities.Count == 0)
        {
            return;
        }
        var summaries = _directory.Sessions.ToDictionary(s => s.Id);
        var boards = _dirty.Where(summaries.ContainsKey).Select(s => Board(summaries[s])).ToList();
        var communities = _dirtyCommunities.Where(_communities.ContainsKey).Select(CommunityRow).ToList();
        _dirty.Clear();
        _dirtyCommunities.Clear();

        foreach (var (connection, scope) in _consoles)
        {
            foreach (var community in communities.Where(c => scope.Includes(new CommunityId(c.CommunityId))))
            {
                Send(connection, c => c.CommunityChanged(community));
            }
            foreach (var board in boards.Where(b => scope.Includes(new CommunityId(b.CommunityId))))
            {
                Send(connection, c => c.SessionBoard(board));
            }
        }
    }

    /// <summary>Subscribes again to every grain watched (nothing while no console is open); <paramref name="done"/> fails if any could not be.</summary>
    private async Task RenewAsync(TaskCompletionSource done)
    {
        if (!_watching)
        {
            done.TrySetResult();
            return;
        }
        var renewed = await IgnoreFailureAsync(grains.GetDirectory().SubscribeAsync(DirectoryReference));
        foreach (var session in _live.Keys.ToList())
        {
            renewed &= await IgnoreFailureAsync(grains.GetSession(session).SubscribeAsync(SessionReference));
        }
        foreach (var room in _roomSessions.Keys.ToList())
        {
            renewed &= await IgnoreFailureAsync(grains.GetRoom(room).SubscribeAsync(RoomReference));
        }
        // Members join communities without telling the directory; refresh the counts of communities in session.
        foreach (var community in _live.Keys.Select(s => _directory.Sessions.FirstOrDefault(d => d.Id == s)?.Community).OfType<CommunityId>().Distinct().ToList())
        {
            await RefreshCommunityAsync(community);
        }
        // Each failure was logged where it happened; the renewal only needs to know to try again soon.
        if (renewed)
        {
            done.TrySetResult();
        }
        else
        {
            done.TrySetException(new InvalidOperationException("A moderation subscription could not be renewed."));
        }
    }

    private SessionBoard Board(SessionSummary summary) =>
        SessionBoardBuilder.Build(++_revision, summary, _communities.GetValueOrDefault(summary.Community), _live.GetValueOrDefault(summary.Id), _rooms.GetValueOrDefault);

    private CommunityRow CommunityRow(CommunityId id)
    {
        var facts = _communities.GetValueOrDefault(id);
        var listed = _directory.Communities.FirstOrDefault(c => c.Id == id);
        var sessions = _directory.Sessions.Where(s => s.Community == id).ToList();
        return new CommunityRow(
            id.Value,
            facts?.Name ?? listed?.Name ?? "",
            facts?.TimeZone ?? "",
            facts?.Members.Count ?? 0,
            facts?.Members.Values.Count(m => m.Role >= Grains.Communities.CommunityRole.Facilitator) ?? 0,
            sessions.Count(s => s.Status == SessionStatus.Live),
            sessions.Count(s => s.Status == SessionStatus.Scheduled));
    }

    private Pulse Pulse(ModeratorScope scope, (double? OpsPerSecond, double? StorageWriteMs) sample)
    {
        var live = _live.Values.Where(s => _directory.Sessions.FirstOrDefault(d => d.Id == s.Session) is { } d && scope.Includes(d.Community)).ToList();
        var rooms = live.SelectMany(SessionBoardBuilder.RoomsOf).Select(r => r.Id).ToList();
        return new Pulse(
            clock.GetCurrentInstant(),
            metrics.Participants,
            metrics.Consoles,
            _directory.Communities.Count(c => scope.Includes(c.Id)),
            live.Count,
            rooms.Count,
            live.Sum(s => s.Present.Length),
            sample.OpsPerSecond,
            rooms.Sum(r => _rooms.GetValueOrDefault(r)?.Help.Count(h => h.Status == HelpStatus.Open) ?? 0),
            sample.StorageWriteMs);
    }

    /// <summary>Sends to one console without waiting for it: a console that stops reading must not stall the others.</summary>
    private void Send(string connectionId, Func<IAdminClient, Task> send)
    {
        try
        {
            DetachedSend.Observe(send(hub.Clients.Client(connectionId)), e => LogSendFailed(e, connectionId));
        }
        catch (Exception e)
        {
            LogSendFailed(e, connectionId);
        }
    }

    /// <summary>Awaits a subscription change; a failure is logged, not thrown. Returns whether it went through.</summary>
    private async Task<bool> IgnoreFailureAsync(Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubscriptionFailed(e);
            return false;
        }
    }

    private abstract record Work;

    private sealed record ConsoleOpened(string ConnectionId, ModeratorScope Scope, TaskCompletionSource<Board> Reply) : Work;

    private sealed record ConsoleClosed(string ConnectionId) : Work;

    private sealed record DirectoryArrived(DirectoryView Directory) : Work;

    private sealed record SessionArrived(SessionLive State) : Work;

    private sealed record RoomArrived(RoomView Room) : Work;

    private sealed record Tick : Work
    {
        public static Tick Instance { get; } = new();
    }

    /// <summary>Time to renew the board's subscriptions; <see cref="Done"/> says whether every one was.</summary>
    private sealed record RenewDue(TaskCompletionSource Done) : Work;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderation board could not handle {Work}")]
    private partial void LogWorkFailed(Exception error, string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderation board could not read community {CommunityId}")]
    private partial void LogCommunityUnavailable(Exception error, CommunityId communityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderation board could not follow session {SessionId}")]
    private partial void LogSessionUnavailable(Exception error, SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not send to console {ConnectionId}")]
    private partial void LogSendFailed(Exception error, string connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not renew or end a moderation subscription")]
    private partial void LogSubscriptionFailed(Exception error);
}
