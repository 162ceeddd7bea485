using Microsoft.Extensions.Logging;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// Keeps a live session's deadlines running: a one-second timer while the session is active, and a durable Orleans
/// reminder that activates it again after a restart or the loss of its silo, with nobody connected and nobody
/// calling. Deadlines are instants in the session's state, so the first tick after a gap catches up with them.
/// </summary>
internal sealed partial class SessionTicker(Grain grain, Func<CancellationToken, Task> tick, TimeSpan reminderPeriod, ILogger logger)
{
    /// <summary>The session's reminder.</summary>
    public const string ReminderName = "deadlines";

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private IGrainTimer? _timer;

    // Whether this activation knows the reminder exists; until it does, every tick tries to register it, so a
    // reminder service that was briefly unreachable (a silo starting or leaving) costs a retry, not durability.
    private bool _reminded;

    /// <summary>Ticks in this activation, and registers the reminder now.</summary>
    public async Task StartAsync()
    {
        Arm();
        await RemindAsync();
    }

    /// <summary>Ticks in this activation; the reminder is made sure of on the first tick.</summary>
    public void Arm() => _timer ??= grain.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(Every, Every) { KeepAlive = true });

    /// <summary>The reminder fired, so it exists: tick now.</summary>
    public Task RemindedAsync()
    {
        _reminded = true;
        Arm();
        return tick(CancellationToken.None);
    }

    /// <summary>Stops ticking and drops the reminder: the session has nothing left to run.</summary>
    public async Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
        _reminded = false;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!_reminded)
        {
            try
            {
                await RemindAsync();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogReminderFailed(error, grain.GetGrainId());
            }
        }
        await tick(cancellationToken);
    }

    private async Task RemindAsync()
    {
        await grain.RegisterOrUpdateReminder(ReminderName, reminderPeriod, reminderPeriod);
        _reminded = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the deadline reminder of {GrainId}; the next tick retries")]
    private partial void LogReminderFailed(Exception error, GrainId grainId);
}
