using CopLive.Protocol.Errors;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Client.Live;

/// <summary>Reads a hub refusal (<c>"Code: message"</c>): its stable code and its human message.</summary>
public static class HubError
{
    private const string Marker = "HubException: ";

    /// <summary>The refusal's code, or null when the exception is not a CopLive refusal.</summary>
    public static RefusalCode? Code(Exception error)
    {
        if (Refusal(error) is not { } refusal)
        {
            return null;
        }
        var colon = refusal.IndexOf(':');
        return colon > 0 && Enum.TryParse<RefusalCode>(refusal.AsSpan(0, colon), ignoreCase: false, out var code) ? code : null;
    }

    /// <summary>
    /// Whether a failed call is simply tried again: the server was busy or a machine of its cluster was restarting
    /// (<c>RateLimited</c>, <c>Unavailable</c>), or the call failed without a refusal (a fault, or the link going).
    /// </summary>
    public static bool IsWorthRetrying(Exception error) => Code(error) is null or RefusalCode.RateLimited or RefusalCode.Unavailable;

    /// <summary>What to tell a person: the server's message without SignalR's wrapping (the exception's message otherwise).</summary>
    public static string Describe(Exception error)
    {
        if (Refusal(error) is not { } refusal)
        {
            return error.Message;
        }
        var colon = refusal.IndexOf(':');
        return colon > 0 ? $"{refusal[(colon + 1)..].Trim()} ({refusal[..colon]})" : refusal;
    }

    private static string? Refusal(Exception error)
    {
        if (error is not HubException hub)
        {
            return null;
        }
        var message = hub.Message;
        var marker = message.IndexOf(Marker, StringComparison.Ordinal);
        return marker >= 0 ? message[(marker + Marker.Length)..] : message;
    }
}
