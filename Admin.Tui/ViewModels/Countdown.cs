using NodaTime;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>How the console writes time left, durations and instants.</summary>
public static class Countdown
{
    /// <summary>Time left until <paramref name="deadline"/>: <c>12:34</c>, or <c>+1:05 over</c> once past it.</summary>
    public static string Until(Instant deadline, Instant now)
    {
        var left = deadline - now;
        return left >= Duration.Zero ? Clock(left) : $"+{Clock(-left)} over";
    }

    /// <summary><c>m:ss</c>, or <c>h:mm:ss</c> from an hour.</summary>
    public static string Clock(Duration duration)
    {
        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0 ? $"{h}:{m:00}:{s:00}" : $"{m}:{s:00}";
    }

    /// <summary>A rough span: <c>45s</c>, <c>12m</c>, <c>3h 5m</c>, <c>2d 4h</c>.</summary>
    public static string Span(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            duration = -duration;
        }
        return duration.TotalSeconds switch
        {
            < 60 => $"{(int)duration.TotalSeconds}s",
            < 3600 => $"{(int)duration.TotalMinutes}m",
            < 86400 => $"{duration.Hours}h {duration.Minutes}m",
            _ => $"{duration.Days}d {duration.Hours}h",
        };
    }

    /// <summary>An instant in the console's time zone, as <c>Sat 16:00</c> (or <c>16:00:05</c> today with seconds).</summary>
    public static string Local(Instant instant, DateTimeZone zone, Instant now, bool seconds = false)
    {
        var local = instant.InZone(zone);
        var today = now.InZone(zone).Date == local.Date;
        var time = seconds ? local.ToString("HH:mm:ss", null) : local.ToString("HH:mm", null);
        return today ? time : $"{local.ToString("ddd d MMM", null)} {time}";
    }
}
