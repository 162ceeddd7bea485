using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>
/// One moderation action, fully described before anything is sent: what it does (<see cref="Title"/>), how much
/// confirmation it needs, what must be typed, and the call that performs it with what was typed.
/// </summary>
/// <param name="Title">What it does, naming its target: <c>Mute Ana Ruiz</c>.</param>
/// <param name="Risk">The confirmation it needs.</param>
/// <param name="Input">What must be typed first.</param>
/// <param name="Run">Sends it, given what was typed (empty when nothing was asked).</param>
/// <param name="Rooms">The rooms to choose from when <paramref name="Input"/> is <see cref="ActionInput.Room"/>.</param>
public sealed record ModerationAction(
    string Title,
    Risk Risk,
    ActionInput Input,
    Func<IModerationActions, string, Task> Run,
    IReadOnlyList<RoomRow>? Rooms = null)
{
    /// <summary>A typed reason is itself the confirmation of a risky action.</summary>
    public static ModerationAction WithReason(string title, Func<IModerationActions, string, Task> run) =>
        new(title, Risk.TypedReason, ActionInput.Reason, run);

    /// <summary>An action confirmed by yes or no.</summary>
    public static ModerationAction Confirmed(string title, Func<IModerationActions, Task> run) =>
        new(title, Risk.YesNo, ActionInput.None, (actions, _) => run(actions));

    /// <summary>An action done at once.</summary>
    public static ModerationAction Immediate(string title, Func<IModerationActions, Task> run) =>
        new(title, Risk.None, ActionInput.None, (actions, _) => run(actions));
}
