namespace CopLive.Client.Live;

/// <summary>
/// How long to wait before trying again what the server could not serve (a reconnect, an op it answered
/// <c>Unavailable</c>): 100 ms, doubling up to 2 s, and never giving up.
/// </summary>
public sealed class Backoff
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(2);

    private int _failures;

    /// <summary>The wait before attempt number <paramref name="failures"/> + 1, after that many failures in a row.</summary>
    public static TimeSpan After(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(Longest.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 5))));

    /// <summary>Counts one more failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Failed() => After(Interlocked.Increment(ref _failures) - 1);

    /// <summary>An attempt succeeded: the next failure waits the shortest time again.</summary>
    public void Succeeded() => Interlocked.Exchange(ref _failures, 0);
}
