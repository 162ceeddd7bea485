using System.Globalization;
using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>The Pulse screen's lines: each figure now, and a sparkline of the last minute.</summary>
public static class PulseView
{
    /// <summary>The lines to show; <paramref name="width"/> is how many seconds the sparklines cover.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyCollection<Pulse> pulses, int width)
    {
        if (pulses.Count == 0)
        {
            return ["Waiting for the first pulse…"];
        }
        var now = pulses.Last();
        string Line(string label, string value, Func<Pulse, double> series) =>
            $"{label,-18}{value,12}   {Sparkline.Render(pulses.Select(series), width)}";

        return
        [
            Line("Connections", Int(now.Connections), p => p.Connections),
            Line("Consoles", Int(now.Consoles), p => p.Consoles),
            Line("Communities", Int(now.Communities), p => p.Communities),
            Line("Sessions live", Int(now.SessionsLive), p => p.SessionsLive),
            Line("Rooms", Int(now.Rooms), p => p.Rooms),
            Line("Participants", Int(now.Participants), p => p.Participants),
            Line("Ops/s", now.OpsPerSecond is { } ops ? ops.ToString("0.0", CultureInfo.InvariantCulture) : "n/a", p => p.OpsPerSecond ?? 0),
            Line("Help open", Int(now.HelpOpen), p => p.HelpOpen),
            Line("Storage write", now.StorageWriteMs is { } ms ? ms.ToString("0.00 'ms'", CultureInfo.InvariantCulture) : "n/a", p => p.StorageWriteMs ?? 0),
            "",
            now.OpsPerSecond is null
                ? "Ops and storage figures come from a silo in the gateway's process; this gateway is a cluster client."
                : "Figures of the gateway this console is connected to; counts are within your scope.",
        ];
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
