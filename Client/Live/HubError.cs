using Microsoft.AspNetCore.SignalR;

namespace CopLive.Client.Live;

/// <summary>Reads the stable code of a hub refusal (<c>"Code: message"</c>).</summary>
public static class HubError
{
    /// <summary>The refusal's code, or null when the exception is not a CopLive refusal.</summary>
    public static string? Code(Exception error)
    {
        if (error is not HubException hub)
        {
            return null;
        }
        var message = hub.Message;
        var marker = message.IndexOf("HubException: ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            message = message[(marker + "HubException: ".Length)..];
        }
        var colon = message.IndexOf(':');
        return colon > 0 ? message[..colon] : null;
    }
}
