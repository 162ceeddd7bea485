using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// "An acknowledgement means durable": editors type into the embedded server, the process is SIGKILLed in the
/// middle of the burst, and after a restart on the same data folder every acknowledged op is there, once.
/// </summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task KilledMidBurst_EveryAcknowledgedOpSurvives_AndNoneIsAppliedTwice()
    {
        using var folder = new TempFolder("coplive-crash");
        string[] ports = ["--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString()];
        var acknowledged = new ConcurrentDictionary<(string Client, long Seq), long>();
        var unacknowledged = new ConcurrentDictionary<string, (long Seq, long Base, TextOp Op)>();
        string token;
        var tokens = new List<string>();
        Guid document;

        await using (var first = await ProductProcess.StartGatewayAsync(folder.Path, ports))
        {
            using var api = new ApiClient(first.Address);
            var adminKey = File.ReadAllText(Path.Combine(folder.Path, "data", "admin.key"));
            var (community, invites) = await api.CreateCommunityAsync(adminKey);
            (_, token) = await api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
            for (var e = 0; e < 4; e++)
            {
                tokens.Add((await api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {e}")).Token);
            }
            var created = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/documents", new { title = "Plan", text = "" }, token);
            document = Guid.Parse(ApiClient.Text(created, "id"));

            using var crash = new CancellationTokenSource();
            var editors = Enumerable.Range(0, 4).Select(async e =>
            {
                var connection = LiveConnection.Create(first.Address, () => tokens[e]);
                await connection.StartAsync();
                var client = $"editor-{e}";
                long version = 0;
                try
                {
                for (long seq = 1; !crash.IsCancellationRequested; seq++)
                {
                    var op = TextOp.Create(OpComponent.Insert($"<{e}:{seq} é😀>"));
                    unacknowledged[client] = (seq, version, op);
                    try
                    {
                        version = (await connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document.ToString(), client, seq, version, op)).Version;
                        acknowledged[(client, seq)] = version;
                        unacknowledged.TryRemove(client, out _);
                    }
                    catch (Exception error) when (HubError.Code(error) == RefusalCode.RateLimited)
                    {
                        seq--;
                        await Task.Delay(50);
                    }
                    catch (Exception) when (crash.IsCancellationRequested || connection.State != HubConnectionState.Connected)
                    {
                        // The server is being killed: whatever was in flight stays unacknowledged.
                        return;
                    }
                }
                }
                finally
                {
                    try
                    {
                        await connection.DisposeAsync();
                    }
                    catch (Exception) when (crash.IsCancellationRequested)
                    {
                        // Closing a connection to a killed server can fail; it is gone either way.
                    }
                }
            }).ToList();

            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (acknowledged.Count < 150)
            {
                Assert.False(editors.Any(t => t.IsFaulted), "an editor failed before the crash");
                await Task.Delay(5, patience.Token);
            }
            // Raise the flag first, so an editor whose call fails because of the kill knows why.
            crash.Cancel();
            await first.Process.KillAsync();
            await Task.WhenAll(editors);
        }

        await using var second = await ProductProcess.StartGatewayAsync(folder.Path, ports);
        using var again = new ApiClient(second.Address);
        var ops = await AllOpsAsync(again, document, token);

        Assert.True(acknowledged.Count >= 150);
        var stored = ops.GroupBy(o => (o.Client, o.Seq)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(stored, pair => Assert.Single(pair.Value));
        Assert.All(acknowledged, ack => Assert.Equal(ack.Value, Assert.Single(stored[ack.Key]).Version));
        Assert.Equal(Enumerable.Range(1, ops.Count).Select(v => (long)v), ops.Select(o => o.Version));

        // Ops in flight at the crash are resubmitted with the same seq: applied once, whether or not they had been stored.
        await using var connection = LiveConnection.Create(second.Address, () => token);
        await connection.StartAsync();
        foreach (var (client, pending) in unacknowledged)
        {
            var once = await connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document.ToString(), client, pending.Seq, pending.Base, pending.Op);
            var twice = await connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document.ToString(), client, pending.Seq, pending.Base, pending.Op);
            Assert.Equal(once, twice);
        }
        var final = await AllOpsAsync(again, document, token);
        Assert.All(final.GroupBy(o => (o.Client, o.Seq)), g => Assert.Single(g));
        var text = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{document}", bearer: token);
        foreach (var ack in acknowledged.Keys)
        {
            Assert.Contains($"<{ack.Client[^1]}:{ack.Seq} é😀>", ApiClient.Text(text, "text"));
        }
    }

    private static async Task<List<(long Version, string Client, long Seq)>> AllOpsAsync(ApiClient api, Guid document, string token)
    {
        var ops = new List<(long, string, long)>();
        while (true)
        {
            var page = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{document}/ops?from={ops.Count}", bearer: token);
            var items = page["ops"]!.AsArray();
            ops.AddRange(items.Select(o => (o!["version"]!.GetValue<long>(), ApiClient.Text(o, "clientId"), o["seq"]!.GetValue<long>())));
            if (items.Count == 0 || ops.Count >= page["headVersion"]!.GetValue<long>())
            {
                return ops;
            }
        }
    }
}
