namespace CopLive.Admin.Tui.ViewModels;

/// <summary>The console's screens.</summary>
public enum Screen
{
    /// <summary>Live figures with sparklines.</summary>
    Pulse,

    /// <summary>Communities in scope.</summary>
    Communities,

    /// <summary>Sessions: state, phase, time left, attendance, rooms, hands, help.</summary>
    Sessions,

    /// <summary>The rooms of one session.</summary>
    Rooms,

    /// <summary>The members of one session.</summary>
    Members,

    /// <summary>A document, read-only, as it is typed.</summary>
    Document,

    /// <summary>Open and claimed help requests across sessions.</summary>
    Help,

    /// <summary>The audit log.</summary>
    Audit,
}
