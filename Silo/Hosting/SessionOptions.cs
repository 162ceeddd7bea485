using System.ComponentModel.DataAnnotations;

namespace CopLive.Silo.Hosting;

/// <summary>How live sessions keep their deadlines (configuration section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// How often a live session's durable reminder wakes it. While the session is active a one-second timer runs its
    /// deadlines; the reminder brings it back after a restart or the loss of its silo, so a deadline that passed
    /// while nothing ran fires at most this long after the cluster is back.
    /// </summary>
    [Range(1, 3600)]
    public int ReminderSeconds { get; set; } = 15;
}
