using CopLive.Admin.Tui.ViewModels;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;

namespace CopLive.Admin.Tui.Live;

/// <summary>
/// Feeds what the gateway pushes into the console on the UI thread, and reopens the board after every reconnect
/// (a new connection starts without a feed), saying so in the status bar meanwhile.
/// </summary>
public sealed class LiveFeed : IDisposable
{
    private readonly AdminConnection _connection;
    private readonly ConsoleStore _store;
    private readonly ConsoleViewModel _model;
    private readonly UiThread _ui;

    public LiveFeed(AdminConnection connection, ConsoleStore store, ConsoleViewModel model, UiThread ui)
    {
        _connection = connection;
        _store = store;
        _model = model;
        _ui = ui;
        _connection.SessionBoardChanged += OnSession;
        _connection.CommunityChanged += OnCommunity;
        _connection.PulseReceived += OnPulse;
        _connection.DocumentOps += OnOps;
        _connection.DocumentLockChanged += OnLock;
        _connection.RoomChanged += OnRoom;
        _connection.StateChanged += OnStateChanged;
    }

    /// <summary>Stops feeding the console.</summary>
    public void Dispose()
    {
        _connection.SessionBoardChanged -= OnSession;
        _connection.CommunityChanged -= OnCommunity;
        _connection.PulseReceived -= OnPulse;
        _connection.DocumentOps -= OnOps;
        _connection.DocumentLockChanged -= OnLock;
        _connection.RoomChanged -= OnRoom;
        _connection.StateChanged -= OnStateChanged;
        _ui.Stop();
    }

    private void OnSession(SessionBoard board) => _ui.Post(() => _store.Apply(board));

    private void OnCommunity(CommunityRow community) => _ui.Post(() => _store.Apply(community));

    private void OnPulse(Pulse pulse) => _ui.Post(() => _store.Apply(pulse));

    private void OnOps(DocumentOpsEvent e) => _ui.Post(() => _model.Apply(e));

    private void OnLock(DocumentLockChangedEvent e) => _ui.Post(() => _model.Apply(e));

    private void OnRoom(RoomState room) => _ui.Post(() => _model.Apply(room));

    private void OnStateChanged(ConnectionState state, Exception? error)
    {
        if (state != ConnectionState.Connected)
        {
            _ui.Post(() => _store.SetConnection(state, error?.Message));
            return;
        }
        _ = ReopenAsync();
    }

    private async Task ReopenAsync()
    {
        try
        {
            var board = await _connection.OpenBoardAsync();
            _ui.Post(() =>
            {
                _store.Load(board);
                _model.Resume();
            });
        }
        catch (Exception e)
        {
            _ui.Post(() => _store.SetConnection(ConnectionState.Reconnecting, $"reconnected, but the board did not open: {HubError.Describe(e)}"));
        }
    }
}
