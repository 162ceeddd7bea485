using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CopLive.Bench.Floor;

/// <summary>
/// The floor the co-editing server is measured against (<c>../shared/PERFORMANCE.md</c>): bare Kestrel relaying raw
/// WebSocket messages, with no OT, no storage and no framing of its own. Each message is echoed to its sender as the
/// acknowledgement and sent to every other connection of its group, so it costs the socket work an op costs CopLive
/// and nothing more. It serves the same relay over SignalR too (<see cref="RelayHub"/>). Run by the benchmark as its
/// own process (<c>--relay-server</c>).
/// </summary>
internal static class RelayServer
{
    /// <summary>The command-line switch that makes the benchmark's executable run this server.</summary>
    public const string Switch = "--relay-server";

    /// <summary>Where <see cref="RelayHub"/> is served; raw WebSocket connections go to <c>/relay/{group}</c>.</summary>
    public const string HubPath = "/relay-hub";

    /// <summary>With this switch the SignalR relay paces its sends as CopLive's fan-out does (<see cref="RelayPacer"/>).</summary>
    public const string PacedSwitch = "--paced";

    /// <summary>With this switch Kestrel runs socket continuations inline instead of on the thread pool.</summary>
    public const string InlineSwitch = "--inline";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args.Where(a => a is not Switch and not InlineSwitch and not PacedSwitch).ToArray());
        if (args.Contains(InlineSwitch))
        {
            // Safe here: nothing on the relay's path blocks.
            builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        }
        builder.Services.AddSignalR();
        if (args.Contains(PacedSwitch))
        {
            builder.Services.AddSingleton<RelayPacer>();
        }
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<RelayHub>(HubPath);
        var groups = new RelayGroups();
        app.Map("/relay/{group}", async (HttpContext context, string group) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var member = new RelayMember(socket);
            var members = groups.Join(group, member);
            try
            {
                await member.RelayAsync(members, context.RequestAborted);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The load generator closes its connections without a handshake at the end of a run.
            }
            finally
            {
                groups.Leave(group, member);
            }
        });
        await app.RunAsync();
    }
}
