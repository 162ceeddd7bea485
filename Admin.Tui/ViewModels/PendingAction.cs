using System.Globalization;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>
/// An action on its way from key press to server: it asks for what must be typed, then for confirmation, as its
/// risk requires. Nothing is sent until <see cref="IsReady"/>; Esc (<see cref="Cancel"/>) sends nothing.
/// </summary>
public sealed class PendingAction
{
    private string _typed = "";

    /// <summary>Starts asking for <paramref name="action"/>.</summary>
    public PendingAction(ModerationAction action)
    {
        Action = action;
        Stage = action.Input != ActionInput.None ? PendingStage.Typing
            : action.Risk == Risk.YesNo ? PendingStage.Confirming
            : PendingStage.Ready;
    }

    /// <summary>The action being asked for.</summary>
    public ModerationAction Action { get; }

    /// <summary>Where it is.</summary>
    public PendingStage Stage { get; private set; }

    /// <summary>What the last answer got wrong, if anything.</summary>
    public string? Problem { get; private set; }

    /// <summary>True once everything is answered: send it.</summary>
    public bool IsReady => Stage == PendingStage.Ready;

    /// <summary>What was typed, as the action's call takes it (a room's id for a room choice).</summary>
    public string Typed => _typed;

    /// <summary>The question shown on the prompt line.</summary>
    public string Prompt => Stage switch
    {
        PendingStage.Typing => Action.Input switch
        {
            ActionInput.Reason => $"{Action.Title} — reason (recorded in the audit log):",
            ActionInput.Message => $"{Action.Title} — message:",
            ActionInput.Room => $"{Action.Title} — to room ({string.Join(", ", (Action.Rooms ?? []).Select((r, i) => $"{i + 1} {r.Name}"))}):",
            _ => Action.Title,
        },
        PendingStage.Confirming => $"{Action.Title}? (y/n)",
        _ => Action.Title,
    };

    /// <summary>Takes an answer (Enter on the prompt line); returns whether the action is still pending.</summary>
    public bool Submit(string answer)
    {
        Problem = null;
        var text = answer.Trim();
        switch (Stage)
        {
            case PendingStage.Typing when Action.Input == ActionInput.Room:
                var rooms = Action.Rooms ?? [];
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > rooms.Count)
                {
                    Problem = rooms.Count == 0 ? "There are no rooms to move to." : $"Type a room number from 1 to {rooms.Count}.";
                    return true;
                }
                _typed = rooms[n - 1].RoomId.ToString();
                Stage = Action.Risk == Risk.YesNo ? PendingStage.Confirming : PendingStage.Ready;
                return true;
            case PendingStage.Typing:
                if (text.Length == 0)
                {
                    Problem = Action.Input == ActionInput.Reason ? "A reason is required." : "The message is empty.";
                    return true;
                }
                _typed = text;
                Stage = Action.Risk == Risk.YesNo ? PendingStage.Confirming : PendingStage.Ready;
                return true;
            case PendingStage.Confirming:
                if (text.Equals("y", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
                {
                    Stage = PendingStage.Ready;
                    return true;
                }
                Stage = PendingStage.Cancelled;
                return false;
            default:
                return Stage != PendingStage.Cancelled;
        }
    }

    /// <summary>Drops the action; nothing is sent.</summary>
    public void Cancel() => Stage = PendingStage.Cancelled;
}

/// <summary>The stages of a <see cref="PendingAction"/>.</summary>
public enum PendingStage
{
    /// <summary>Waiting for a reason, message or room number.</summary>
    Typing,

    /// <summary>Waiting for yes or no.</summary>
    Confirming,

    /// <summary>Answered: send it.</summary>
    Ready,

    /// <summary>Dropped.</summary>
    Cancelled,
}
