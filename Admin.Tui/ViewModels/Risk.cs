namespace CopLive.Admin.Tui.ViewModels;

/// <summary>How much confirmation an action asks for before it is sent.</summary>
public enum Risk
{
    /// <summary>Done at once (claiming or resolving a help request).</summary>
    None,

    /// <summary>A yes/no question (move, mute, extend, close a round, lock).</summary>
    YesNo,

    /// <summary>A reason must be typed (remove, ban, end a session); it goes to the audit log.</summary>
    TypedReason,
}
