using System.Diagnostics;
using System.Globalization;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Bench;

/// <summary>
/// Cost against history (<c>--history MAX --length N</c>): 20 editors keep one document of <c>N</c> characters busy
/// (an insert and a delete of 8 in turn; deletes that overlap shrink, so it still grows slowly) while its history grows
/// to <c>MAX</c> ops. At
/// each power of ten the write cost (server CPU per acknowledged op over 3 s) and the time to open the head (hub
/// <c>OpenDocument</c>) and a past version from the middle of the history (<c>GET /api/documents/{id}?version=</c>)
/// are measured, medians of 3, while the editors go on typing.
/// </summary>
internal static class HistoryBench
{
    public const string Switch = "--history";
    private const int Editors = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var max = long.Parse(BenchOptions.Required(args, Switch), CultureInfo.InvariantCulture);
        var length = Array.IndexOf(args, "--length") is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1_000;
        await using var server = await ServerProcess.StartAsync(BuildOutput.Find("Gateway", "CopLive.Gateway.dll"),
            ["--Orleans:SiloPort", ServerProcess.FreePort(), "--Orleans:GatewayPort", ServerProcess.FreePort(), "--Documents:OpsPerSecond", "100000", "--Documents:OpsBurst", "100000"]);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
        var community = await BenchHttp.PostAsync(http, "/api/communities", new { name = "History PLC", timeZone = "UTC" }, server.AdminKey);
        var invite = (string)community["invites"]!["facilitator"]!;
        var token = (await BenchHttp.PostAsync(http, "/api/join", new { inviteCode = invite, displayName = "Owner" }, null))["token"]!.GetValue<string>();
        var document = await BenchHttp.CreateLongDocumentAsync(http, server.Address, community["id"]!.ToString(), token, "Long history", length, "Lesson plan line with some words. ");

        using var stop = new CancellationTokenSource();
        long acknowledged = 0;
        var connections = new List<HubConnection>();
        var editors = new List<Task>();
        for (var e = 0; e < Editors; e++)
        {
            var editorToken = (await BenchHttp.PostAsync(http, "/api/join", new { inviteCode = invite, displayName = $"Editor {e}" }, null))["token"]!.GetValue<string>();
            var connection = await LiveConnection.ConnectAsync(server.Address, editorToken);
            connections.Add(connection);
            var opened = await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document);
            var (client, random, version) = ($"e{e}", new Random(e), opened.Version);
            editors.Add(Task.Run(async () =>
            {
                for (long seq = 1; !stop.IsCancellationRequested; seq++)
                {
                    // Every other op deletes what an insert added, so the document keeps its length as its history grows.
                    var edit = seq % 2 == 0 ? OpComponent.Delete(8) : OpComponent.Insert(random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture));
                    var reply = await connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document, client, seq, version, TextOp.At(random.Next(length / 2), edit));
                    version = reply.Version;
                    Interlocked.Increment(ref acknowledged);
                }
            }));
        }

        await using var reader = await LiveConnection.ConnectAsync(server.Address, token);
        Console.WriteLine($"| history reached (ops) | history when opened | document length | write CPU µs/op | open head ms | open version h/2 ms |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        for (long checkpoint = 10; checkpoint <= max; checkpoint *= 10)
        {
            while (Interlocked.Read(ref acknowledged) < checkpoint)
            {
                if (editors.FirstOrDefault(t => t.IsFaulted) is { } failed)
                {
                    Console.Error.WriteLine($"An editor stopped: {failed.Exception!.GetBaseException().Message}");
                    return 1;
                }
                await Task.Delay(20);
            }
            var (cpu, ops) = (server.CpuTime(), Interlocked.Read(ref acknowledged));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var perOp = (server.CpuTime() - cpu).TotalMicroseconds / Math.Max(1, Interlocked.Read(ref acknowledged) - ops);
            OpenedDocument? opened = null;
            var head = await MedianAsync(async () => opened = await reader.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document));
            var past = await MedianAsync(() => BenchHttp.GetAsync(http, $"/api/documents/{document}?version={opened!.Version / 2}", token));
            Console.WriteLine($"| {checkpoint:N0} | {opened!.Version:N0} | {opened.Text.Length:N0} | {perOp:F0} | {head:F1} | {past:F1} |");
        }
        await stop.CancelAsync();
        await Task.WhenAll(editors.Select(t => t.ContinueWith(_ => { })));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        return 0;
    }

    /// <summary>The median, in milliseconds, of three timed calls.</summary>
    private static async Task<double> MedianAsync(Func<Task> call)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times.Order().ElementAt(1);
    }
}
