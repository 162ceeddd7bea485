namespace CopLive.Admin.Tui.ViewModels;

/// <summary>What an action asks the moderator to type before confirming.</summary>
public enum ActionInput
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>A reason for the audit log (required).</summary>
    Reason,

    /// <summary>A message to send (required).</summary>
    Message,

    /// <summary>The number of a room in the list shown.</summary>
    Room,
}
