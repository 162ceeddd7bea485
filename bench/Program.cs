using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CopLive.Bench;
using CopLive.Bench.Floor;
using CopLive.Client.Live;
using CopLive.Collab.Authorship;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

// CopLive co-editing benchmark: editors with their document open submit 8-character inserts (one op in flight
// each) to N documents while watchers receive every op; the server runs as its own process so its CPU and memory
// are measured alone.
//   dotnet run -c Release --project bench -- --docs 20 --editors 5 --watchers 5 --rate 10 --seconds 20
//   dotnet run -c Release --project bench -- --docs 20 --editors 5 --watchers 0 --seconds 20 --saturate
//   add --steady-length 8000 --warmup 150 to measure after the JIT has finished, on documents that stop growing
//   dotnet run -c Release --project bench -- --engine   (the text work per op alone, in process, by document length)
//   dotnet run -c Release --project bench -- --failover 5 --postgres "Host=…"   (recovery from a lost silo; needs Silo built)
//   dotnet run -c Release --project bench -- --cluster-throughput --postgres "Host=…"   (1 silo + 1 gateway vs 2 + 2)
//   dotnet run -c Release --project bench -- --history 1000000 --length 1000   (write and open cost as history grows)
//   dotnet run -c Release --project bench -- --page-load 1000000   (a teacher opening a live session with a 1 MB plan, in Chromium)
//   add --floor inline (or default) to run the same load against a bare WebSocket relay: the floor to compare with;
//   --floor signalr runs it against a bare SignalR relay (signalr-paced: sends paced as CopLive's fan-out), which
//   is what the transport alone costs
// --server-env NAME=VALUE (repeatable) sets an environment variable for the server's process only (a runtime knob).
// Arguments after a lone "--" go to the server (for example -- --Storage:Provider Postgres ...).
if (args.Contains("--engine"))
{
    EngineBench.Run();
    return 0;
}
if (args.Contains(FailoverBench.Switch))
{
    return await FailoverBench.RunAsync(args);
}
if (args.Contains(HistoryBench.Switch))
{
    return await HistoryBench.RunAsync(args);
}
if (args.Contains(PageLoadBench.Switch))
{
    return await PageLoadBench.RunAsync(args);
}
if (args.Contains(ClusterThroughputBench.Switch))
{
    return await ClusterThroughputBench.RunAsync(args);
}
if (args.Contains(RelayServer.Switch))
{
    await RelayServer.RunAsync(args);
    return 0;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 2;
}
if (options.Floor is not null)
{
    return await FloorBench.RunAsync(options);
}
var dll = options.Server ?? FindGateway();
string[] serverArgs =
[
    "--Orleans:SiloPort", ServerProcess.FreePort(),
    "--Orleans:GatewayPort", ServerProcess.FreePort(),
    // The benchmark measures throughput; the per-member abuse limits would measure themselves instead.
    "--Documents:OpsPerSecond", "100000", "--Documents:OpsBurst", "100000",
    .. options.ServerArgs,
];

await using var server = await ServerProcess.StartAsync(dll, serverArgs, options.ServerEnvironment);
var cpuAtStart = server.CpuTime();
using var http = new HttpClient { BaseAddress = server.Address };
var admin = server.AdminKey;

var community = await PostAsync("/api/communities", new { name = "Bench PLC", timeZone = "UTC" }, admin);
var invites = community["invites"]!;
// One member per connection, as in a real meeting (and a member's connections are capped).
async Task<string> JoinAsync(string role, string name) =>
    (await PostAsync("/api/join", new { inviteCode = (string)invites[role]!, displayName = name }, null))["token"]!.GetValue<string>();
var editorTokens = new List<string>();
for (var e = 0; e < options.Editors; e++)
{
    editorTokens.Add(await JoinAsync("facilitator", $"Editor {e}"));
}
var initial = string.Concat(Enumerable.Repeat("Lesson plan line with some words. ", 30))[..1000];
var documents = new List<Guid>();
for (var d = 0; d < options.Documents; d++)
{
    var created = await PostAsync($"/api/communities/{community["id"]}/documents", new { title = $"Plan {d}", text = initial }, editorTokens[0]);
    documents.Add(Guid.Parse(created["id"]!.GetValue<string>()));
}

var editors = new EditorLoad(options);

// Watchers keep a copy by applying the stream in order, for the convergence check at the end. The copy is chunked
// like the server's, so the load generator's work per op does not grow with the documents and take the two cores
// from the server it measures.
var watchers = new List<(Guid Document, HubConnection Connection, Func<string> Text)>();
foreach (var document in documents)
{
    for (var w = 0; w < options.Watchers; w++)
    {
        var watcherToken = await JoinAsync("observer", $"Watcher {watchers.Count}");
        var connection = LiveConnection.Create(server.Address, () => watcherToken);
        var text = new AttributedText("");
        long version = 0;
        var gate = new Lock();
        connection.On<DocumentOpsEvent>(nameof(IDocumentEvents.DocumentOps), e =>
        {
            var now = Stopwatch.GetTimestamp();
            lock (gate)
            {
                foreach (var op in e.Ops.Where(o => o.Version == version + 1 || o.Version > version))
                {
                    if (op.Version != version + 1)
                    {
                        throw new InvalidOperationException($"Watcher saw version {op.Version} after {version}.");
                    }
                    text.Apply(op.Op, Guid.Empty);
                    version = op.Version;
                    editors.Delivered(op.ClientId, op.Seq, now);
                }
            }
        });
        await connection.StartAsync();
        var opened = await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document.ToString());
        lock (gate)
        {
            text = new AttributedText(opened.Text);
            version = opened.Version;
        }
        watchers.Add((document, connection, () => { lock (gate) { return text.Text; } }));
    }
}

var editorConnections = new List<HubConnection>();
for (var d = 0; d < documents.Count; d++)
{
    for (var e = 0; e < options.Editors; e++)
    {
        var token = d == 0 ? editorTokens[e] : await JoinAsync("facilitator", $"Editor {e} of document {d}");
        var connection = LiveConnection.Create(server.Address, () => token);
        // Editors have the document open, as in a meeting: every op goes to the other editors too (and back to its
        // sender), not only to the watchers. They take the stream in without keeping a copy; watchers check it.
        connection.On<DocumentOpsEvent>(nameof(IDocumentEvents.DocumentOps), _ => { });
        await connection.StartAsync();
        editorConnections.Add(connection);
        var document = documents[d].ToString();
        await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document);
        var client = $"d{d}e{e}";
        var random = new Random(d * 1_000 + e);
        long version = 0;
        editors.Start(client, random, async seq =>
        {
            var at = random.Next(initial.Length);
            // With --steady-length, once the document has grown about that long (every op so far an 8-code-point
            // insert), every other op deletes 8 code points instead, so the length and the cost per op stop growing.
            var steady = options.SteadyLength > 0 && initial.Length + 8 * version >= options.SteadyLength && seq % 2 == 0;
            var edit = steady ? OpComponent.Delete(8) : OpComponent.Insert(random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture));
            var reply = await connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document, client, seq, version, TextOp.At(at, edit));
            version = reply.Version;
        });
    }
}

Console.WriteLine($"{documents.Count} documents x {options.Editors} editors + {options.Watchers} watchers = {editorConnections.Count + watchers.Count} connections; " +
                  (options.Saturate ? "saturating (one op in flight per editor)" : $"{options.Rate} ops/s per editor, {documents.Count * options.Editors * options.Rate} ops/s offered"));
var window = await SteadyWindow.MeasureAsync(server, options, () => editors.Acknowledged, on => editors.Measuring = on);
await editors.StopAsync();
var whole = (server.CpuTime() - cpuAtStart, editors.Acknowledged);

// Convergence: every watcher's copy equals the server's text once the stream has drained.
var converged = true;
foreach (var document in documents)
{
    var serverText = (await GetAsync($"/api/documents/{document}", editorTokens[0]))["text"]!.GetValue<string>();
    foreach (var watcher in watchers.Where(w => w.Document == document))
    {
        var deadline = Stopwatch.StartNew();
        while (watcher.Text() != serverText && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        converged &= watcher.Text() == serverText;
    }
}

RunReport.Print(window, editors.AckLatency, options.Watchers == 0 ? null : editors.DeliveryLatency, whole, server, ("watchers converged with the server", converged));

foreach (var connection in editorConnections.Concat(watchers.Select(w => w.Connection)))
{
    await connection.DisposeAsync();
}
return converged ? 0 : 1;

Task<JsonNode> PostAsync(string path, object body, string? bearer) => BenchHttp.PostAsync(http, path, body, bearer);

Task<JsonNode> GetAsync(string path, string bearer) => BenchHttp.GetAsync(http, path, bearer);

static string FindGateway() => BuildOutput.Find("Gateway", "CopLive.Gateway.dll");
