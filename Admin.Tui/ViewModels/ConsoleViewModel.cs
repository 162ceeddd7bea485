using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Json;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>
/// The console's screen logic, free of any terminal type: where we are, what the table shows, what the prompt
/// asks, and what the keys do. Server calls run in the background; their results come back through
/// <c>onUi</c> (the UI thread in the real console, which redraws after running them), so all state changes happen
/// on one thread.
/// </summary>
public sealed class ConsoleViewModel
{
    /// <summary>Audit entries loaded per visit of the Audit screen.</summary>
    public const int AuditPage = 200;

    private readonly IModerationActions _actions;
    private readonly IAdminQueries _queries;
    private readonly Action<Action> _onUi;
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;
    private IReadOnlyList<AuditRow> _audit = [];
    private bool _contributorsLoading;
    private bool _contributorsStale;

    public ConsoleViewModel(ConsoleStore store, IModerationActions actions, IAdminQueries queries, Action<Action> onUi, IClock clock, DateTimeZone zone)
    {
        Store = store;
        _actions = actions;
        _queries = queries;
        _onUi = onUi;
        _clock = clock;
        _zone = zone;
        Navigator = new Navigator(new Route(Screen.Sessions));
    }

    /// <summary>What the gateway told us.</summary>
    public ConsoleStore Store { get; }

    /// <summary>Where we are.</summary>
    public Navigator Navigator { get; }

    /// <summary>The current screen's filter (<c>/</c>); empty for none.</summary>
    public string Filter { get; private set; } = "";

    /// <summary>What the prompt line asks for.</summary>
    public PromptKind Prompt { get; private set; }

    /// <summary>The action being asked for, when <see cref="Prompt"/> is <see cref="PromptKind.Action"/>.</summary>
    public PendingAction? Pending { get; private set; }

    /// <summary>A box over the screen (a refusal, or the keys), until dismissed.</summary>
    public Notice? Notice { get; private set; }

    /// <summary>The last thing that happened, for the status bar.</summary>
    public string? Message { get; private set; }

    /// <summary>The document on the Document screen.</summary>
    public DocumentWatch? Document { get; private set; }

    /// <summary>The label of the prompt line.</summary>
    public string PromptLabel => Prompt switch
    {
        PromptKind.Filter => "Filter:",
        PromptKind.Jump => $"Go to ({string.Join(", ", Navigator.JumpNames)}):",
        PromptKind.Action when Pending is { } p => p.Problem is null ? p.Prompt : $"{p.Problem} {p.Prompt}",
        _ => "",
    };

    /// <summary>The breadcrumb: <c>Sessions › Tuning protocol › Members</c>.</summary>
    public string Breadcrumb => string.Join(" › ", Navigator.Trail.Select(r => r.Title is null ? Name(r.Screen) : $"{Name(r.Screen)}: {r.Title}"));

    /// <summary>The session of the current screen (Rooms, Members), or of the selected row on Sessions.</summary>
    public SessionBoard? SessionOf(TableRow? selected) => Navigator.Current switch
    {
        { Session: { } id } => Store.Session(id),
        { Screen: Screen.Sessions } when selected is not null => Store.Session(selected.Key),
        _ => null,
    };

    /// <summary>The table of the current screen, filtered; null for screens that are not tables (Pulse, Document).</summary>
    public TableModel? Table()
    {
        var now = _clock.GetCurrentInstant();
        var route = Navigator.Current;
        TableModel? table = route.Screen switch
        {
            Screen.Communities => SessionTables.Communities(Store),
            Screen.Sessions => SessionTables.Sessions(Store, route.Community, now, _zone),
            Screen.Rooms => Store.Session(route.Session!.Value) is { } s ? SessionTables.Rooms(s) : null,
            Screen.Members => Store.Session(route.Session!.Value) is { } s ? SessionTables.Members(s) : null,
            Screen.Help => SessionTables.Help(Store, now),
            Screen.Audit => AuditTable.Build(_audit, now, _zone),
            _ => null,
        };
        return table?.Filtered(Filter);
    }

    /// <summary>The lines of a screen that is not a table.</summary>
    public IReadOnlyList<string> Lines(int width) => Navigator.Current.Screen switch
    {
        Screen.Pulse => PulseView.Lines(Store.Pulses, Math.Max(10, width - 36)),
        Screen.Document when Document is null => ["Loading…"],
        Screen.Document when Room is { } room && room.NotesDocumentId == Document.DocumentId => [.. Document.Text.Split('\n'), .. RoomLines(room)],
        Screen.Document => Document.Text.Split('\n'),
        Screen.Rooms or Screen.Members => ["This session is no longer live."],
        _ => [],
    };

    /// <summary>How many of a room's newest chat messages show under its notes.</summary>
    public const int ChatLines = 12;

    private static readonly LocalTimePattern ChatTime = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The room whose notes are on screen, with its chat, when the console looks into one.</summary>
    public RoomState? Room { get; private set; }

    /// <summary>Takes in a room's new state, if it is the room on screen (the newest state wins).</summary>
    public void Apply(RoomState room)
    {
        if (Room is { } shown && shown.RoomId == room.RoomId && room.Seq >= shown.Seq)
        {
            Room = room;
        }
    }

    /// <summary>Under a room's notes: its newest chat, and who else is watching.</summary>
    private IEnumerable<string> RoomLines(RoomState room)
    {
        yield return "";
        yield return $"── Chat in {room.Name} ──";
        if (room.Chat.Count == 0)
        {
            yield return "(no messages yet)";
        }
        foreach (var message in room.Chat.TakeLast(ChatLines))
        {
            yield return $"{ChatTime.Format(message.At.InZone(_zone).TimeOfDay)} {message.AuthorName}: {message.Text.ReplaceLineEndings(" ")}";
        }
        if (room.Help.Any(h => h.Status != HelpStatus.Resolved))
        {
            yield return $"Help waiting: {string.Join(", ", room.Help.Where(h => h.Status != HelpStatus.Resolved).Select(h => h.Name))}";
        }
    }

    /// <summary>A line under the screen's title: the document's version and writers, the session's countdown…</summary>
    public string Subtitle()
    {
        var now = _clock.GetCurrentInstant();
        return Navigator.Current.Screen switch
        {
            Screen.Document when Document is { } d => $"v{d.Version}{(d.Locked ? " · LOCKED" : "")} · {d.ContributorLine()}",
            Screen.Rooms or Screen.Members when SessionOf(null) is { } s =>
                $"{ProtocolJson.Name(s.Status)} · {SessionTables.Phase(s)} {SessionTables.Left(s, now, _zone)} · {s.Online}/{s.Expected} online",
            Screen.Sessions when Navigator.Current.Community is { } c => Store.Community(c)?.Name ?? "",
            _ => "",
        };
    }

    /// <summary>The status bar: the link, who we are, the last message, the key reminder.</summary>
    public string StatusLine(Uri gateway)
    {
        var link = Store.Connection switch
        {
            ConnectionState.Connected => $"● {gateway.Authority}",
            ConnectionState.Reconnecting => $"○ reconnecting to {gateway.Authority}…",
            _ => $"✕ disconnected from {gateway.Authority}",
        };
        if (Store.Connection != ConnectionState.Connected && Store.ConnectionProblem is { } problem)
        {
            link += $" ({problem})";
        }
        var who = Store.Moderator is { } m ? (m.IsAdmin ? "admin" : $"{m.Name} (facilitator)") : "";
        var filter = Filter.Length > 0 ? $" · filter '{Filter}'" : "";
        return $"{link} · {who}{filter} · {Message ?? "? keys  / filter  : jump  Esc back  q quit"}";
    }

    /// <summary>Enter on the selected row: drills down.</summary>
    public void Open(TableRow? selected)
    {
        if (selected is null)
        {
            return;
        }
        switch (Navigator.Current.Screen)
        {
            case Screen.Communities:
                Go(new Route(Screen.Sessions, Community: selected.Key, Title: selected.Cells[0]));
                break;
            case Screen.Sessions when Store.Session(selected.Key) is { } s:
                if (s.Status != SessionStatus.Live)
                {
                    Message = $"{s.Title} is {ProtocolJson.Name(s.Status)}; its rooms are there while it is live.";
                    return;
                }
                Go(new Route(Screen.Rooms, Session: s.SessionId, Title: s.Title));
                break;
            case Screen.Rooms:
                WatchDocument(selected.Parent, $"{selected.Cells[0]} notes");
                WatchRoom(selected.Key);
                break;
            case Screen.Help when Store.Session(selected.Parent)?.Rooms.FirstOrDefault(r => r.RoomId == selected.Key) is { } room:
                WatchDocument(room.NotesDocumentId, $"{room.Name} notes");
                WatchRoom(room.RoomId);
                break;
        }
    }

    /// <summary>Tab: between a session's Rooms and Members.</summary>
    public void Toggle()
    {
        var route = Navigator.Current;
        if (route.Screen is Screen.Rooms or Screen.Members)
        {
            Filter = "";
            Navigator.Replace(route with { Screen = route.Screen == Screen.Rooms ? Screen.Members : Screen.Rooms });
        }
    }

    /// <summary>Esc: closes the notice, the prompt, the filter, or goes back, in that order.</summary>
    public void Escape()
    {
        if (Notice is not null)
        {
            Notice = null;
        }
        else if (Prompt != PromptKind.None)
        {
            CancelPrompt();
        }
        else if (Filter.Length > 0)
        {
            Filter = "";
        }
        else
        {
            Leave();
            Navigator.Back();
            Message = null;
        }
    }

    /// <summary>Opens the prompt line for a filter (<c>/</c>) or a jump (<c>:</c>).</summary>
    public void Ask(PromptKind kind)
    {
        Prompt = kind;
        Pending = null;
    }

    /// <summary>Shows the keys of the current screen (<c>?</c>).</summary>
    public void ShowKeys() => Notice = new Notice($"Keys: {Name(Navigator.Current.Screen)}", KeyHelp.For(Navigator.Current.Screen));

    /// <summary>Dismisses the notice.</summary>
    public void Dismiss() => Notice = null;

    /// <summary>A printable key on a screen: starts the action bound to it; returns whether one is.</summary>
    public bool Key(char key, TableRow? selected)
    {
        var bound = ActionCatalog.For(Navigator.Current.Screen).FirstOrDefault(k => k.Key == key);
        if (bound is null)
        {
            return false;
        }
        var offer = bound.Make(new ActionContext(Navigator.Current, SessionOf(selected), selected, Document));
        if (offer.Action is null)
        {
            Message = offer.Problem;
            return true;
        }
        Pending = new PendingAction(offer.Action);
        Prompt = PromptKind.Action;
        SendIfReady();
        return true;
    }

    /// <summary>Enter on the prompt line.</summary>
    public void Answer(string text)
    {
        switch (Prompt)
        {
            case PromptKind.Filter:
                Filter = text.Trim();
                Prompt = PromptKind.None;
                break;
            case PromptKind.Jump:
                Prompt = PromptKind.None;
                Leave();
                Message = Navigator.Jump(text);
                Filter = "";
                Enter();
                break;
            case PromptKind.Action when Pending is { } pending:
                if (!pending.Submit(text))
                {
                    Message = $"Cancelled: {pending.Action.Title}.";
                    Prompt = PromptKind.None;
                    Pending = null;
                    return;
                }
                SendIfReady();
                break;
        }
    }

    /// <summary>Esc on the prompt line: nothing is sent.</summary>
    public void CancelPrompt()
    {
        if (Pending is { } pending)
        {
            pending.Cancel();
            Message = $"Cancelled: {pending.Action.Title}.";
        }
        Prompt = PromptKind.None;
        Pending = null;
    }

    /// <summary>Ops of a document arrived (on the UI thread).</summary>
    public void Apply(DocumentOpsEvent e)
    {
        if (Document is not { } document || !document.Apply(e))
        {
            if (Document is { NeedsReload: true } stale)
            {
                WatchDocument(stale.DocumentId, Navigator.Current.Title, push: false);
            }
            return;
        }
        RefreshContributors();
    }

    /// <summary>A document was locked or unlocked (on the UI thread): the watched one shows it at once.</summary>
    public void Apply(DocumentLockChangedEvent e)
    {
        if (Document is { } document && document.DocumentId == e.DocumentId)
        {
            document.Locked = e.Locked;
        }
    }

    /// <summary>After a reconnect: follow the document again (the new connection follows nothing yet).</summary>
    public void Resume()
    {
        if (Navigator.Current.Screen == Screen.Document && Document is { } d)
        {
            WatchDocument(d.DocumentId, Navigator.Current.Title, push: false);
            if (Room is { } room)
            {
                WatchRoom(room.RoomId);
            }
        }
    }

    /// <summary>Reloads what the current screen fetches rather than receives (the audit log).</summary>
    public void Reload() => Enter();

    private void Go(Route route)
    {
        Filter = "";
        Message = null;
        Navigator.Push(route);
        Enter();
    }

    /// <summary>Work a screen needs on arrival.</summary>
    private void Enter()
    {
        if (Navigator.Current.Screen == Screen.Audit)
        {
            Background(() => _queries.GetAuditAsync(Navigator.Current.Community, AuditPage), rows => _audit = rows);
        }
    }

    /// <summary>Work a screen needs on departure.</summary>
    private void Leave()
    {
        if (Navigator.Current.Screen == Screen.Document && Document is { } d)
        {
            Document = null;
            Background(async () => { await _queries.UnwatchDocumentAsync(d.DocumentId); return true; }, _ => { });
        }
        if (Navigator.Current.Screen == Screen.Document && Room is { } room)
        {
            Room = null;
            Background(async () => { await _queries.UnwatchRoomAsync(room.RoomId); return true; }, _ => { });
        }
    }

    /// <summary>Looks into a room as well as its notes: its chat shows under them, and its members see the console watching.</summary>
    private void WatchRoom(Guid room) =>
        Background(() => _queries.WatchRoomAsync(room), state =>
        {
            if (Navigator.Current.Screen == Screen.Document && Navigator.Current.Document == state.NotesDocumentId)
            {
                Room = state;
            }
        });

    private void WatchDocument(Guid document, string? title, bool push = true)
    {
        if (push)
        {
            Go(new Route(Screen.Document, Document: document, Title: title));
        }
        Document = null;
        Background(() => _queries.WatchDocumentAsync(document), watched =>
        {
            if (Navigator.Current.Document == document)
            {
                Document = new DocumentWatch(watched);
            }
        });
    }

    private void RefreshContributors()
    {
        if (_contributorsLoading)
        {
            _contributorsStale = true;
            return;
        }
        if (Document is not { } document)
        {
            return;
        }
        _contributorsLoading = true;
        _contributorsStale = false;
        Background(() => _queries.GetContributorsAsync(document.DocumentId), contributors =>
        {
            _contributorsLoading = false;
            if (Document?.DocumentId == document.DocumentId)
            {
                Document.Contributors = contributors;
                if (_contributorsStale)
                {
                    RefreshContributors();
                }
            }
        }, () => _contributorsLoading = false);
    }

    private void SendIfReady()
    {
        if (Pending is not { IsReady: true } pending)
        {
            return;
        }
        Prompt = PromptKind.None;
        Pending = null;
        var action = pending.Action;
        Message = $"Sending: {action.Title}…";
        Background(async () =>
        {
            await action.Run(_actions, pending.Typed);
            return true;
        }, _ => Message = $"Done: {action.Title}.");
    }

    /// <summary>Runs a server call off the UI thread and applies its result (or shows its refusal) on it.</summary>
    private void Background<T>(Func<Task<T>> call, Action<T> apply, Action? failed = null)
    {
        _ = RunAsync();

        async Task RunAsync()
        {
            try
            {
                var result = await call();
                _onUi(() => apply(result));
            }
            catch (Exception e)
            {
                _onUi(() =>
                {
                    failed?.Invoke();
                    Message = null;
                    Notice = new Notice("The server refused", [HubError.Describe(e)]);
                });
            }
        }
    }

    private static string Name(Screen screen) => screen.ToString();
}
