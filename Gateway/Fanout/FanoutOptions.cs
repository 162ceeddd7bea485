using System.ComponentModel.DataAnnotations;

namespace CopLive.Gateway.Fanout;

/// <summary>How the gateway paces what it pushes to connections (configuration section <c>Fanout</c>).</summary>
public sealed class FanoutOptions
{
    public const string Section = "Fanout";

    /// <summary>
    /// Shortest time, in milliseconds, between two deliveries of one document's events to its connections. The first
    /// events after a quiet spell go out at once; events that come sooner are held and go out together, as one
    /// frame per connection, when the interval is up. Each frame costs every reader a socket write, so on a busy
    /// document this divides the gateway's sending work by the number of ops a frame carries, for a delay well
    /// under what a reader notices. 0 sends every commit at once. The default, 5 ms, keeps a document typed into at
    /// the pace of a meeting (ops tens of milliseconds apart) unpaced, so others see each op within milliseconds, and
    /// batches only where ops come faster than that; 50 ms cost 12–19 % less CPU per op at 1,000 ops/s but held each op
    /// 28 ms on average (bench/BENCHMARKS.md, fourteenth session).
    /// </summary>
    [Range(0, MaxDocumentIntervalMs, ErrorMessage = "Fanout:DocumentIntervalMs must be between 0 and 1000.")]
    public int DocumentIntervalMs { get; set; } = 5;

    /// <summary>
    /// Most megabytes of messages one connection may leave waiting in the gateway. A connection that falls further
    /// behind is closed; its client reconnects and fetches what it missed instead of the gateway holding it.
    /// </summary>
    [Range(1, 1024, ErrorMessage = "Fanout:MaxUnreadMb must be between 1 and 1024.")]
    public int MaxUnreadMb { get; set; } = 32;

    /// <summary>
    /// Seconds between two renewals of the gateway's subscriptions to grains (grains forget observers after a while,
    /// and a grain activated anew has none). A lost silo triggers a renewal at once, whatever this says.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Fanout:RenewSeconds must be between 1 and 3600.")]
    public int RenewSeconds { get; set; } = 15;

    /// <summary>The largest <see cref="DocumentIntervalMs"/>; clients wait at least this long for a broadcast before fetching it.</summary>
    public const int MaxDocumentIntervalMs = 1_000;
}
