using CopLive.Admin.Tui.ViewModels;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using NodaTime;
using NodaTime.Testing;

namespace CopLive.Admin.Tui.Tests.ViewModels;

/// <summary>The console's screen logic without a terminal: navigation, filtering, actions and their confirmations.</summary>
public sealed class ConsoleViewModelTests
{
    private readonly FakeBackend _server = new();
    private readonly ConsoleStore _store = new();
    private readonly ConsoleViewModel _console;
    private readonly SessionBoard _live = Boards.Live();

    public ConsoleViewModelTests()
    {
        _store.Load(Boards.Board(_live, Boards.Scheduled()));
        _console = new ConsoleViewModel(_store, _server, _server, work => work(), new FakeClock(Boards.Now), DateTimeZone.Utc);
        _server.Documents = id => new WatchedDocument(id, "Room 1 notes", 3, "Warm-up\n", false, []);
        _server.Rooms = id => Room(id, 1, []);
    }

    private static RoomState Room(Guid id, long seq, IReadOnlyList<RoomChatMessage> chat) =>
        new(id, Guid.NewGuid(), seq, "Room 1", RoomKind.Breakout, Boards.NotesA, [Boards.Ana], chat, [], [], false, []);

    [Fact]
    public void Sessions_ListLiveFirst_WithPhaseTimeLeftAttendanceHandsAndHelp()
    {
        var table = _console.Table()!;

        Assert.Equal(["Community", "Session", "State", "Phase", "Left", "Online", "Rooms", "Hands", "Help"], table.Columns);
        Assert.Equal(["Grade 4 Math PLC", "Tuning protocol", "live", "Presenting", "4:30 (round 12:00)", "2/5", "3", "1", "1"], table.Rows[0].Cells);
        Assert.Equal("scheduled", table.Rows[1].Cells[2]);
        Assert.StartsWith("starts Mon 30 Nov 16:05", table.Rows[1].Cells[4]);
    }

    [Fact]
    public void EnterDrillsIntoRoomsThenALiveDocument_TabShowsMembers_EscGoesBackAndStopsWatching()
    {
        _console.Open(_console.Table()!.Rows[0]);
        Assert.Equal(Screen.Rooms, _console.Navigator.Current.Screen);
        Assert.Equal(["Main room", "Room 1", "Room 2"], _console.Table()!.Rows.Select(r => r.Cells[0]));

        _console.Toggle();
        Assert.Equal(Screen.Members, _console.Navigator.Current.Screen);
        Assert.Equal(["Ana Ruiz", "member", "Room 1", "yes", "", ""], _console.Table()!.Rows[0].Cells);
        _console.Toggle();

        _console.Open(_console.Table()!.Rows[1]);
        Assert.Equal(Screen.Document, _console.Navigator.Current.Screen);
        Assert.Equal([$"watch {Boards.NotesA}", $"watch room {Boards.RoomA}"], _server.Calls);
        Assert.Equal("Warm-up\n", _console.Document!.Text);
        Assert.Equal("Sessions › Rooms: Tuning protocol › Document: Room 1 notes", _console.Breadcrumb);

        _console.Escape();
        Assert.Equal(Screen.Rooms, _console.Navigator.Current.Screen);
        Assert.Equal([$"unwatch {Boards.NotesA}", $"unwatch room {Boards.RoomA}"], _server.Calls[^2..]);
        Assert.Null(_console.Document);
        Assert.Null(_console.Room);
    }

    [Fact]
    public void DocumentOps_AreAppliedInOrder_OldOnesSkipped_AndAGapReloads()
    {
        _console.Open(_console.Table()!.Rows[0]);
        _console.Open(_console.Table()!.Rows[1]);

        _console.Apply(new DocumentOpsEvent(Boards.NotesA, [Op(4, "Warm-up\n".Length, "🍕"), Op(3, 0, "stale")]));
        Assert.Equal("Warm-up\n🍕", _console.Document!.Text);
        Assert.Equal(4, _console.Document.Version);
        Assert.Contains("Ana Ruiz 42", _console.Subtitle());

        _console.Apply(new DocumentOpsEvent(Boards.NotesA, [Op(9, 1, "x")]));
        Assert.Equal(2, _server.Calls.Count(c => c == $"watch {Boards.NotesA}"));
    }

    [Fact]
    public void ALockSetElsewhere_ShowsOnTheWatchedDocument_AndOthersAreIgnored()
    {
        _console.Open(_console.Table()!.Rows[0]);
        _console.Open(_console.Table()!.Rows[1]);
        Assert.DoesNotContain("LOCKED", _console.Subtitle());

        _console.Apply(new DocumentLockChangedEvent(Guid.NewGuid(), true));
        Assert.DoesNotContain("LOCKED", _console.Subtitle());
        _console.Apply(new DocumentLockChangedEvent(Boards.NotesA, true));
        Assert.Contains("LOCKED", _console.Subtitle());
        _console.Apply(new DocumentLockChangedEvent(Boards.NotesA, false));
        Assert.DoesNotContain("LOCKED", _console.Subtitle());
    }

    [Fact]
    public void LookingIntoARoom_ShowsItsNewestChatUnderItsNotes_AndKeepsUpWithIt()
    {
        _console.Open(_console.Table()!.Rows[0]);
        _console.Open(_console.Table()!.Rows[1]);
        var quiet = _console.Lines(80);

        _console.Apply(Room(Boards.RoomA, 2, [new RoomChatMessage(1, Boards.Ana, "Ana Ruiz", "Is cool feedback\ncritique?", Boards.Now, false)]));
        _console.Apply(Room(Boards.RoomA, 1, []));
        _console.Apply(Room(Boards.RoomB, 5, []));
        var lines = _console.Lines(80);

        Assert.Equal(["Warm-up", "", "", "── Chat in Room 1 ──", "(no messages yet)"], quiet);
        Assert.Equal($"{Boards.Now.InUtc().TimeOfDay:HH:mm} Ana Ruiz: Is cool feedback critique?", lines[^1]);
        Assert.Equal("── Chat in Room 1 ──", lines[^2]);
    }

    [Fact]
    public void NotLiveSession_DoesNotDrill_AndSaysWhy()
    {
        _console.Open(_console.Table()!.Rows[1]);

        Assert.Equal(Screen.Sessions, _console.Navigator.Current.Screen);
        Assert.Contains("Data dive is scheduled", _console.Message);
    }

    [Fact]
    public void Filter_NarrowsTheTable_AndEscClearsIt()
    {
        _console.Ask(PromptKind.Filter);
        _console.Answer("dive");

        Assert.Equal(["Data dive"], _console.Table()!.Rows.Select(r => r.Cells[1]));
        _console.Escape();
        Assert.Equal(2, _console.Table()!.Rows.Count);
        Assert.Equal(Screen.Sessions, _console.Navigator.Current.Screen);
    }

    [Fact]
    public void Jump_GoesToTheNamedScreen_LoadsTheAuditLog_AndRefusesUnknownNames()
    {
        _console.Ask(PromptKind.Jump);
        _console.Answer("aud");
        Assert.Equal(Screen.Audit, _console.Navigator.Current.Screen);
        Assert.Equal("audit all 200", _server.Calls[^1]);

        _console.Ask(PromptKind.Jump);
        _console.Answer("rooms");
        Assert.Equal(Screen.Audit, _console.Navigator.Current.Screen);
        Assert.Contains("No screen called 'rooms'", _console.Message);
    }

    [Fact]
    public void Mute_AsksYesOrNo_AndSendsOnlyOnYes()
    {
        GoToMembers();
        var ana = _console.Table()!.Rows.Single(r => r.Key == Boards.Ana);

        Assert.True(_console.Key('m', ana));
        Assert.Equal("Mute Ana Ruiz? (y/n)", _console.PromptLabel);
        _console.Answer("n");
        Assert.DoesNotContain(_server.Calls, c => c.StartsWith("mute", StringComparison.Ordinal));
        Assert.Equal(PromptKind.None, _console.Prompt);

        _console.Key('m', ana);
        _console.Answer("y");
        Assert.Equal($"mute {_live.SessionId} {Boards.Ana} True", _server.Calls[^1]);
        Assert.Equal("Done: Mute Ana Ruiz.", _console.Message);
    }

    [Fact]
    public void Remove_Ban_AndEnd_RequireATypedReason_ThatGoesToTheServer()
    {
        GoToMembers();
        var ben = _console.Table()!.Rows.Single(r => r.Key == Boards.Ben);

        _console.Key('x', ben);
        Assert.Contains("reason (recorded in the audit log)", _console.PromptLabel);
        _console.Answer("   ");
        Assert.StartsWith("A reason is required.", _console.PromptLabel);
        _console.Answer("disrupting the protocol");
        _console.Key('B', ben);
        _console.Answer("repeated harassment");
        _console.Key('E', ben);
        _console.Answer("fire drill");

        Assert.Equal(
        [
            $"remove {_live.SessionId} {Boards.Ben} disrupting the protocol",
            $"ban {Boards.Community} {Boards.Ben} repeated harassment",
            $"end {_live.SessionId} fire drill",
        ], _server.Calls);
    }

    [Fact]
    public void Move_AsksForAnotherRoomByNumber_ThenConfirms()
    {
        GoToMembers();
        var ana = _console.Table()!.Rows.Single(r => r.Key == Boards.Ana);

        _console.Key('v', ana);
        Assert.Equal("Move Ana Ruiz — to room (1 Room 2):", _console.PromptLabel);
        _console.Answer("5");
        Assert.StartsWith("Type a room number from 1 to 1.", _console.PromptLabel);
        _console.Answer("1");
        Assert.Equal("Move Ana Ruiz? (y/n)", _console.PromptLabel);
        _console.Answer("yes");

        Assert.Equal($"move {_live.SessionId} {Boards.Ana} {Boards.RoomB}", _server.Calls.Single());
    }

    [Fact]
    public void ClaimingHelp_IsImmediate_AndARefusalIsShownInABox()
    {
        _console.Ask(PromptKind.Jump);
        _console.Answer("help");
        var request = _console.Table()!.Rows.Single();
        Assert.Equal(["1m", "Tuning protocol", "Room 1", "Ana Ruiz", "Which rubric row?", "open", ""], request.Cells);

        _server.RefuseNext = "Conflict: Ms. Rivera is already helping.";
        _console.Key('c', request);

        Assert.Equal($"claim {Boards.RoomA} 7", _server.Calls.Single());
        Assert.Equal("The server refused", _console.Notice!.Title);
        Assert.Equal(["Ms. Rivera is already helping. (Conflict)"], _console.Notice.Lines);
        _console.Escape();
        Assert.Null(_console.Notice);
    }

    [Fact]
    public void RoundKeys_SayWhenNoRoundIsOpen_AndCancellingSendsNothing()
    {
        _store.Apply(Boards.Live(_live.SessionId, revision: 2, round: false));
        var row = _console.Table()!.Rows[0];

        _console.Key('c', row);
        Assert.Equal("No breakout round is open.", _console.Message);
        Assert.Equal(PromptKind.None, _console.Prompt);

        _console.Key('+', row);
        Assert.Equal("Extend Presenting by 5 minutes? (y/n)", _console.PromptLabel);
        _console.CancelPrompt();
        Assert.Empty(_server.Calls);
        Assert.False(_console.Key('z', row));
    }

    [Fact]
    public void KeysOverlay_ListsTheScreensActions()
    {
        GoToMembers();
        _console.ShowKeys();

        Assert.Equal("Keys: Members", _console.Notice!.Title);
        Assert.Contains(_console.Notice.Lines, l => l.StartsWith('m') && l.Contains("mute or unmute"));
        Assert.Contains(_console.Notice.Lines, l => l.StartsWith('x') && l.Contains("reason required"));
    }

    [Fact]
    public void StatusBar_SaysWhyTheLinkIsDown_AndForgetsItOnceBack()
    {
        var gateway = new Uri("http://127.0.0.1:5000");
        _store.SetConnection(ConnectionState.Reconnecting, "reconnected, but the board did not open");

        Assert.StartsWith("○ reconnecting to 127.0.0.1:5000… (reconnected, but the board did not open)", _console.StatusLine(gateway));
        _store.SetConnection(ConnectionState.Connected, null);
        Assert.StartsWith("● 127.0.0.1:5000 · admin", _console.StatusLine(gateway));
    }

    [Fact]
    public void OlderRevisions_DoNotOverwriteNewerOnes()
    {
        _store.Apply(Boards.Live(_live.SessionId, revision: 5, anaMuted: true));
        _store.Apply(Boards.Live(_live.SessionId, revision: 4, anaMuted: false));

        Assert.True(_store.Session(_live.SessionId)!.Members.Single(m => m.MemberId == Boards.Ana).Muted);
    }

    private void GoToMembers()
    {
        _console.Open(_console.Table()!.Rows[0]);
        _console.Toggle();
    }

    private static RemoteOp Op(long version, int skip, string insert) => new(
        version,
        TextOp.At(skip, OpComponent.Insert(insert)),
        Guid.NewGuid(), "c", version);
}
