using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>
/// Everything the gateway has told this console: its scope, communities, sessions and recent pulses. Events may
/// arrive out of order; a session keeps its highest revision. Only the UI thread touches it.
/// </summary>
public sealed class ConsoleStore
{
    /// <summary>How many pulses (seconds) the sparklines show.</summary>
    public const int PulseHistory = 60;

    private readonly Dictionary<Guid, CommunityRow> _communities = [];
    private readonly Dictionary<Guid, SessionBoard> _sessions = [];
    private readonly Queue<Pulse> _pulses = new();

    /// <summary>Who the console acts as; null until the board is opened.</summary>
    public Moderator? Moderator { get; private set; }

    /// <summary>The link to the gateway.</summary>
    public ConnectionState Connection { get; private set; } = ConnectionState.Connected;

    /// <summary>Why the link is down, when it is.</summary>
    public string? ConnectionProblem { get; private set; }

    /// <summary>Communities in scope.</summary>
    public IReadOnlyCollection<CommunityRow> Communities => _communities.Values;

    /// <summary>Sessions in scope: scheduled, live and recently ended.</summary>
    public IReadOnlyCollection<SessionBoard> Sessions => _sessions.Values;

    /// <summary>The latest pulses, oldest first.</summary>
    public IReadOnlyCollection<Pulse> Pulses => _pulses;

    /// <summary>Replaces everything with a freshly opened board (at start and after each reconnect).</summary>
    public void Load(Board board)
    {
        Moderator = board.Moderator;
        _communities.Clear();
        _sessions.Clear();
        foreach (var community in board.Communities)
        {
            _communities[community.CommunityId] = community;
        }
        foreach (var session in board.Sessions)
        {
            Apply(session);
        }
        Apply(board.Pulse);
        SetConnection(ConnectionState.Connected, null);
    }

    /// <summary>A session changed; an older revision than the one held is ignored.</summary>
    public void Apply(SessionBoard session)
    {
        if (_sessions.TryGetValue(session.SessionId, out var known) && known.Revision >= session.Revision)
        {
            return;
        }
        _sessions[session.SessionId] = session;
    }

    /// <summary>A community changed.</summary>
    public void Apply(CommunityRow community)
    {
        _communities[community.CommunityId] = community;
    }

    /// <summary>A second's figures.</summary>
    public void Apply(Pulse pulse)
    {
        _pulses.Enqueue(pulse);
        while (_pulses.Count > PulseHistory)
        {
            _pulses.Dequeue();
        }
    }

    /// <summary>The link changed state.</summary>
    public void SetConnection(ConnectionState state, string? problem)
    {
        Connection = state;
        ConnectionProblem = problem;
    }

    /// <summary>A session by id, if in scope.</summary>
    public SessionBoard? Session(Guid id) => _sessions.GetValueOrDefault(id);

    /// <summary>A community by id, if in scope.</summary>
    public CommunityRow? Community(Guid id) => _communities.GetValueOrDefault(id);
}
