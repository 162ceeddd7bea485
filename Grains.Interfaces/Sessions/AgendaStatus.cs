namespace CopLive.Grains.Sessions;

/// <summary>Where the agenda's countdown is.</summary>
[GenerateSerializer, Alias("coplive.AgendaStatus")]
public enum AgendaStatus
{
    /// <summary>The facilitator has not started the agenda.</summary>
    NotStarted = 0,

    /// <summary>The current phase is counting down to its deadline.</summary>
    Running = 1,

    /// <summary>The countdown is paused with time remaining.</summary>
    Paused = 2,

    /// <summary>The phase's time is up and the session waits for the facilitator to move on.</summary>
    Overtime = 3,

    /// <summary>Every phase is done.</summary>
    Finished = 4,
}
