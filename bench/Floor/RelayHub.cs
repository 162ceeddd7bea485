using Microsoft.AspNetCore.SignalR;

namespace CopLive.Bench.Floor;

/// <summary>
/// The relay over SignalR instead of raw WebSockets: the transport CopLive's hub uses, with nothing of CopLive's
/// behind it. A connection joins the group named in its query string; <see cref="Relay"/> completes as the
/// acknowledgement. Unpaced, each message goes to the group's other connections at once, one frame each, as the raw
/// relay does; paced (a <see cref="RelayPacer"/> is registered), messages go out as CopLive's fan-out sends ops.
/// Measured against the raw relay, it shows what SignalR itself costs per op on this machine.
/// </summary>
internal sealed class RelayHub(RelayPacer? pacer = null) : Hub
{
    /// <summary>The client method messages arrive as, in an array of one or more.</summary>
    public const string Relayed = nameof(Relayed);

    private const string GroupItem = "group";

    public override async Task OnConnectedAsync()
    {
        var group = Context.GetHttpContext()?.Request.Query[GroupItem].ToString();
        if (string.IsNullOrEmpty(group))
        {
            throw new HubException("The relay needs ?group= on its URL.");
        }
        Context.Items[GroupItem] = group;
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    public Task Relay(string message)
    {
        var group = (string)Context.Items[GroupItem]!;
        if (pacer is null)
        {
            return Clients.OthersInGroup(group).SendAsync(Relayed, new[] { message });
        }
        pacer.Add(group, message);
        return Task.CompletedTask;
    }
}
