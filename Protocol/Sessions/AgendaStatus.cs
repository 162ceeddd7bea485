namespace CopLive.Protocol.Sessions;

/// <summary>Where the agenda's countdown is.</summary>
public enum AgendaStatus
{
    /// <summary>The facilitator has not started the agenda.</summary>
    NotStarted,

    /// <summary>The current phase is counting down to its deadline.</summary>
    Running,

    /// <summary>The countdown is paused with time remaining.</summary>
    Paused,

    /// <summary>The phase's time is up and the session waits for the facilitator to move on.</summary>
    Overtime,

    /// <summary>Every phase is done.</summary>
    Finished,
}
