using System.Collections.ObjectModel;
using System.Drawing;
using CopLive.Admin.Tui.ViewModels;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace CopLive.Admin.Tui.Views;

/// <summary>
/// The console's one window: a breadcrumb, the current screen (a table, or text for Pulse and Document), a prompt
/// line and a status bar, with a box for refusals and key help. It only draws the view model and forwards keys;
/// keys are read at the application level because a focused table would otherwise take the letters.
/// </summary>
public sealed class ConsoleWindow : Window
{
    private readonly IApplication _app;
    private readonly ConsoleViewModel _model;
    private readonly Uri _gateway;
    private readonly Label _breadcrumb = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _subtitle = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
    private readonly TableView _table = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(2), FullRowSelect = true };
    private readonly ListView _text = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(2), Visible = false };
    private readonly Label _promptLabel = new() { X = 0, Y = Pos.AnchorEnd(2), Height = 1, Visible = false };
    private readonly TextField _promptField = new() { Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Visible = false };
    private readonly Label _status = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
    private readonly FrameView _notice = new() { X = Pos.Center(), Y = Pos.Center(), Width = Dim.Percent(70), Height = Dim.Auto(), Visible = false };
    private readonly Label _noticeText = new() { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Auto() };
    private TableModel? _shown;
    private (PromptKind, PendingAction?, PendingStage?) _question;
    private object? _ticker;

    public ConsoleWindow(IApplication app, ConsoleViewModel model, Uri gateway)
    {
        _app = app;
        _model = model;
        _gateway = gateway;
        Title = "CopLive console";
        _notice.Add(_noticeText);
        Add(_breadcrumb, _subtitle, _table, _text, _promptLabel, _promptField, _status, _notice);

        _app.Keyboard.KeyDown += OnKeyDown;
        IsRunningChanged += (_, e) =>
        {
            if (e.Value)
            {
                // Countdowns move every second even when nothing arrives.
                _ticker = _app.AddTimeout(TimeSpan.FromSeconds(1), () =>
                {
                    Render();
                    return true;
                });
            }
            else
            {
                Stop();
            }
        };
        Render();
    }

    /// <summary>Draws the view model: call after anything it shows may have changed (on the UI thread).</summary>
    public void Render()
    {
        _breadcrumb.Text = _model.Breadcrumb;
        _subtitle.Text = _model.Subtitle();
        RenderBody();
        RenderPrompt();
        _status.Text = _model.StatusLine(_gateway);
        if (_model.Notice is { } notice)
        {
            _notice.Title = notice.Title;
            _noticeText.Text = string.Join('\n', notice.Lines.Append("").Append("Enter or Esc to close"));
            _notice.Visible = true;
        }
        else
        {
            _notice.Visible = false;
        }
        SetNeedsDraw();
    }

    /// <summary>Stops the once-a-second redraw and key handling; the window is no longer running.</summary>
    public void Stop()
    {
        _app.Keyboard.KeyDown -= OnKeyDown;
        if (_ticker is not null)
        {
            _app.RemoveTimeout(_ticker);
            _ticker = null;
        }
    }

    private void RenderBody()
    {
        var table = _model.Table();
        if (table is null)
        {
            _table.Visible = false;
            _text.Visible = true;
            var width = Math.Max(20, Viewport.Width);
            var lines = TextWrap.Lines(_model.Lines(width), width);
            var at = _text.SelectedItem;
            _text.SetSource(new ObservableCollection<string>(lines));
            _text.SelectedItem = at is { } row && row < lines.Count ? row : null;
            if (_model.Prompt == PromptKind.None && !_text.HasFocus)
            {
                _text.SetFocus();
            }
            _shown = null;
            return;
        }

        var selected = Selected();
        _table.Visible = true;
        _text.Visible = false;
        var columns = table.Columns
            .Select((name, i) => (name, i))
            .ToDictionary(c => c.name, c => (Func<TableRow, object>)(r => r.Cells[c.i]));
        _table.Table = new EnumerableTableSource<TableRow>(table.Rows, columns);
        var index = selected is null ? 0 : Math.Max(0, table.IndexOf(selected.Key));
        if (table.Rows.Count > 0)
        {
            _table.Value = new TableSelection(new Point(0, Math.Min(index, table.Rows.Count - 1)));
        }
        _shown = table;
        if (_model.Prompt == PromptKind.None && !_table.HasFocus)
        {
            _table.SetFocus();
        }
    }

    private void RenderPrompt()
    {
        var open = _model.Prompt != PromptKind.None;
        _promptLabel.Text = _model.PromptLabel;
        _promptLabel.Visible = open;
        _promptField.Visible = open;
        _promptField.X = Pos.Right(_promptLabel) + 1;

        // Each new question (a new prompt, or the next step of an action) starts with an empty answer.
        var question = (_model.Prompt, _model.Pending, _model.Pending?.Stage);
        if (open && question != _question)
        {
            _promptField.Text = "";
            _promptField.SetFocus();
        }
        _question = question;
    }

    private TableRow? Selected()
    {
        if (_shown is null || _table.Value is not { } selection)
        {
            return null;
        }
        var row = selection.SelectedCell.Y;
        return row >= 0 && row < _shown.Rows.Count ? _shown.Rows[row] : null;
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (_model.Notice is not null)
        {
            if (key == Key.Enter || key == Key.Esc)
            {
                _model.Dismiss();
            }
            key.Handled = true;
        }
        else if (_model.Prompt != PromptKind.None)
        {
            if (key == Key.Esc)
            {
                _model.CancelPrompt();
                key.Handled = true;
            }
            else if (key == Key.Enter)
            {
                var answer = _promptField.Text;
                _promptField.Text = "";
                _model.Answer(answer);
                key.Handled = true;
            }
        }
        else
        {
            key.Handled = Command(key);
        }
        if (key.Handled)
        {
            Render();
        }
    }

    private bool Command(Key key)
    {
        if (key == Key.Esc)
        {
            _model.Escape();
            return true;
        }
        if (key == Key.Enter)
        {
            _model.Open(Selected());
            return true;
        }
        if (key == Key.Tab)
        {
            _model.Toggle();
            return true;
        }
        if (key == Key.F5)
        {
            _model.Reload();
            return true;
        }
        if (key.IsCtrl || key.IsAlt || key.AsRune.Value is < 32 or > 126)
        {
            return false;
        }
        switch ((char)key.AsRune.Value)
        {
            case 'q':
                _app.RequestStop();
                return true;
            case '?':
                _model.ShowKeys();
                return true;
            case '/':
                _model.Ask(PromptKind.Filter);
                return true;
            case ':':
                _model.Ask(PromptKind.Jump);
                return true;
            default:
                return _model.Key((char)key.AsRune.Value, Selected());
        }
    }
}
