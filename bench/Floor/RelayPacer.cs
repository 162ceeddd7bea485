using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Bench.Floor;

/// <summary>
/// Paces the SignalR relay's sends to a group as CopLive's gateway paces a document's (<c>Fanout:DocumentIntervalMs</c>,
/// 50 ms by default): the first message after a quiet spell goes out at once; those that come sooner are held and go
/// out together, as one frame per connection, when the interval is up. Each frame goes to the whole group, the sender
/// too, as CopLive echoes an op to its submitter.
/// </summary>
internal sealed class RelayPacer(IHubContext<RelayHub> hub)
{
    /// <summary>CopLive's default interval between two deliveries of one document's ops.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, Held> _groups = new();

    public void Add(string group, string message)
    {
        var held = _groups.GetOrAdd(group, _ => new Held());
        TimeSpan wait;
        lock (held)
        {
            held.Messages.Add(message);
            if (held.Scheduled)
            {
                return;
            }
            var since = Stopwatch.GetElapsedTime(held.LastSent);
            wait = since >= Interval ? TimeSpan.Zero : Interval - since;
            held.Scheduled = true;
        }
        if (wait == TimeSpan.Zero)
        {
            _ = SendAsync(group, held);
        }
        else
        {
            _ = Task.Delay(wait).ContinueWith(_ => SendAsync(group, held), TaskScheduler.Default).Unwrap();
        }
    }

    private Task SendAsync(string group, Held held)
    {
        string[] messages;
        lock (held)
        {
            messages = [.. held.Messages];
            held.Messages.Clear();
            held.Scheduled = false;
            held.LastSent = Stopwatch.GetTimestamp();
        }
        return hub.Clients.Group(group).SendAsync(RelayHub.Relayed, messages);
    }

    private sealed class Held
    {
        public List<string> Messages { get; } = [];

        public bool Scheduled { get; set; }

        public long LastSent { get; set; }
    }
}
