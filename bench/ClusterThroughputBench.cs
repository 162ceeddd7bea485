using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Bench;

/// <summary>
/// Throughput of a cluster (<c>--cluster-throughput --postgres CONNECTION</c>): the same saturating load (every editor
/// one op in flight, <c>--docs</c> × <c>--editors</c>) on 1 silo + 1 client-mode gateway, then on 2 silos + 2 gateways
/// with the editors spread over both gateways, all on one PostgreSQL. Reports acknowledged ops per second, ack
/// latency, CPU per op summed over every process of the cluster, and whether every acknowledged op was stored.
/// </summary>
internal static class ClusterThroughputBench
{
    public const string Switch = "--cluster-throughput";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse([.. args, "--saturate"]);
        var database = BenchOptions.Required(args, "--postgres");
        var stored = true;
        foreach (var (silos, gateways) in new[] { (1, 1), (2, 2) })
        {
            stored &= await RunTopologyAsync(options, database, silos, gateways);
        }
        return stored ? 0 : 1;
    }

    private static async Task<bool> RunTopologyAsync(BenchOptions options, string database, int siloCount, int gatewayCount)
    {
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        string[] cluster =
        [
            "--Storage:Provider", "Postgres", "--Storage:ConnectionString", database,
            "--Orleans:ClusterId", $"bench-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
            // Every gateway signs and checks member tokens with the same key, as in a deployment.
            "--Auth:AdminKey", adminKey, "--Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            "--Documents:OpsPerSecond", "100000", "--Documents:OpsBurst", "100000",
        ];
        var silos = new List<SiloProcess>();
        var gateways = new List<ServerProcess>();
        var connections = new List<HubConnection>();
        try
        {
            for (var s = 0; s < siloCount; s++)
            {
                silos.Add(await SiloProcess.StartAsync(cluster));
            }
            for (var g = 0; g < gatewayCount; g++)
            {
                gateways.Add(await ServerProcess.StartAsync(BuildOutput.Find("Gateway", "CopLive.Gateway.dll"), [.. cluster, "--Orleans:Mode", "Client"]));
            }
            // Long enough for every gateway to list every silo (they reread the list every 5 s).
            await Task.Delay(TimeSpan.FromSeconds(8));

            using var http = new HttpClient { BaseAddress = gateways[0].Address };
            var community = await BenchHttp.PostAsync(http, "/api/communities", new { name = "Cluster PLC", timeZone = "UTC" }, adminKey);
            var invite = (string)community["invites"]!["facilitator"]!;
            var editors = new EditorLoad(options);
            var documents = new List<(Guid Id, string Token)>();
            for (var d = 0; d < options.Documents; d++)
            {
                var owner = await JoinAsync(http, invite, $"Owner {d}");
                var created = await BenchHttp.PostAsync(http, $"/api/communities/{community["id"]}/documents", new { title = $"Plan {d}", text = "" }, owner);
                documents.Add((Guid.Parse(created["id"]!.GetValue<string>()), owner));
                for (var e = 0; e < options.Editors; e++)
                {
                    // Editors take turns between the gateways, so each carries its share of every document.
                    var gateway = gateways[(d * options.Editors + e) % gateways.Count].Address;
                    var token = await JoinAsync(http, invite, $"Editor {e} of {d}");
                    var connection = await LiveConnection.ConnectAsync(gateway, token);
                    connection.On<DocumentOpsEvent>(nameof(IDocumentEvents.DocumentOps), _ => { });
                    connections.Add(connection);
                    var document = documents[d].Id.ToString();
                    await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document);
                    var (client, random) = ($"d{d}e{e}", new Random(d * 1_000 + e));
                    long version = 0;
                    editors.Start(client, random, async seq =>
                    {
                        var insert = OpComponent.Insert(random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture));
                        var reply = await connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document, client, seq, version, TextOp.At(0, insert));
                        version = reply.Version;
                    });
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
            var (ackedAtStart, cpuAtStart) = (editors.Acknowledged, CpuOf(silos, gateways));
            var window = Stopwatch.StartNew();
            editors.Measuring = true;
            await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
            editors.Measuring = false;
            var (acked, cpu, elapsed) = (editors.Acknowledged - ackedAtStart, CpuOf(silos, gateways) - cpuAtStart, window.Elapsed);
            await editors.StopAsync();

            // Each acknowledged op is one version of its document: the stored versions add up to the acknowledged ops.
            long versions = 0;
            foreach (var (id, token) in documents)
            {
                versions += (await BenchHttp.GetAsync(http, $"/api/documents/{id}", token))["version"]!.GetValue<long>();
            }
            var everyOpStored = versions == editors.Acknowledged;
            Console.WriteLine(
                $"{siloCount} silo(s) + {gatewayCount} gateway(s), {options.Documents} docs x {options.Editors} editors saturating: " +
                $"{acked / elapsed.TotalSeconds:0} acked ops/s, ack p50 {editors.AckLatency.Percentile(50):0.0} ms / p99 {editors.AckLatency.Percentile(99):0.0} ms, " +
                $"cluster CPU {cpu.TotalMicroseconds / Math.Max(1, acked):0} µs/op; every acknowledged op stored: {(everyOpStored ? "yes" : $"NO ({versions} stored, {editors.Acknowledged} acknowledged)")}");
            return everyOpStored;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static TimeSpan CpuOf(List<SiloProcess> silos, List<ServerProcess> gateways) =>
        silos.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime()) + gateways.Aggregate(TimeSpan.Zero, (sum, g) => sum + g.CpuTime());

    private static async Task<string> JoinAsync(HttpClient http, string invite, string name) =>
        (await BenchHttp.PostAsync(http, "/api/join", new { inviteCode = invite, displayName = name }, null))["token"]!.GetValue<string>();
}
