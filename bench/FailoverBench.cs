using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CopLive.Client.Live;
using CopLive.Collab.Text;

namespace CopLive.Bench;

/// <summary>
/// Recovery from a lost silo (<c>--failover N --postgres CONNECTION</c>): a cluster on PostgreSQL with one
/// client-mode gateway. Each round, the silo holding a freshly opened document is alone when the document is
/// opened, a second silo joins, the first is SIGKILLed, and the time from the kill to the next acknowledged op
/// on that document is measured. The survivor is the next round's victim.
/// </summary>
internal static class FailoverBench
{
    public const string Switch = "--failover";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = int.Parse(BenchOptions.Required(args, Switch), CultureInfo.InvariantCulture);
        var database = BenchOptions.Required(args, "--postgres");
        string[] cluster =
        [
            "--Storage:Provider", "Postgres", "--Storage:ConnectionString", database,
            "--Orleans:ClusterId", $"bench-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        ];
        var silos = new List<SiloProcess> { await SiloProcess.StartAsync(cluster) };
        await using var gateway = await ServerProcess.StartAsync(BuildOutput.Find("Gateway", "CopLive.Gateway.dll"), [.. cluster, "--Orleans:Mode", "Client"]);
        using var http = new HttpClient { BaseAddress = gateway.Address };
        var community = await BenchHttp.PostAsync(http, "/api/communities", new { name = "Failover PLC", timeZone = "UTC" }, gateway.AdminKey);
        var token = (await BenchHttp.PostAsync(http, "/api/join", new { inviteCode = (string)community["invites"]!["member"]!, displayName = "Typist" }, null))["token"]!.GetValue<string>();
        await using var connection = await LiveConnection.ConnectAsync(gateway.Address, token);

        var recoveries = new List<TimeSpan>();
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                var created = await BenchHttp.PostAsync(http, $"/api/communities/{community["id"]}/documents", new { title = $"Round {round}", text = "" }, token);
                await using var document = await SharedDocument.OpenAsync(connection, Guid.Parse(created["id"]!.GetValue<string>()));
                Type(document, "before");
                await document.SettleAsync(TimeSpan.FromSeconds(30));

                silos.Add(await SiloProcess.StartAsync(cluster));
                // Long enough for the gateway to list the new silo (it rereads every 5 s) and for the ring to settle.
                await Task.Delay(TimeSpan.FromSeconds(8));

                var killed = Stopwatch.StartNew();
                await silos[0].DisposeAsync();
                silos.RemoveAt(0);
                Type(document, "after");
                await document.SettleAsync(TimeSpan.FromSeconds(120));
                recoveries.Add(killed.Elapsed);
                Console.WriteLine($"round {round + 1}: first op acknowledged {killed.Elapsed.TotalSeconds:0.00} s after the kill");
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
        var sorted = recoveries.Order().ToList();
        Console.WriteLine($"recovery (SIGKILL → next acknowledged op), {rounds} rounds: median {sorted[sorted.Count / 2].TotalSeconds:0.00} s, " +
            $"min {sorted[0].TotalSeconds:0.00} s, max {sorted[^1].TotalSeconds:0.00} s");
        return 0;
    }

    private static void Type(SharedDocument document, string word) =>
        document.Edit(TextOp.At(CodePoints.Count(document.Text), OpComponent.Insert($"{word} ")));
}
