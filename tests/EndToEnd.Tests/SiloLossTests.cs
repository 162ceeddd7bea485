using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A cluster as a district runs it: silos on PostgreSQL and two gateways in client mode, each a process of its own.
/// The silo holding a document is killed (SIGKILL, not restarted) while people type into it.
/// </summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private const string AdminKey = "silo-loss-admin-key-0123456789abcdef";
    private const int OpsEach = 30;
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task CoEditing_GoesOnThroughTheOtherSilo_WhenTheSiloHoldingTheDocumentDies_LosingAndRepeatingNothingAcknowledged()
    {
        using var folder = new TempFolder("coplive-silo-loss");
        var database = await _postgres.CreateDatabaseAsync();
        string[] cluster =
        [
            "--Storage:Provider", "Postgres",
            "--Storage:ConnectionString", database,
            "--Orleans:ClusterId", $"e2e-{Guid.NewGuid():N}",
        ];

        // The first silo is alone when the document is first opened, so its grains live there; the second joins after.
        var first = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. Ports()]);
        await using var firstSilo = first;
        await using var one = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. ClientMode()]);
        await using var two = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. ClientMode()]);
        using var api = new ApiClient(one.Address);
        var (community, invites) = await api.CreateCommunityAsync(AdminKey);
        var editors = new List<(SharedDocument Document, HubConnection Connection)>();
        Guid document = default;
        for (var i = 0; i < 3; i++)
        {
            var (_, token) = await api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
            if (document == default)
            {
                document = Guid.Parse(ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post,
                    $"/api/communities/{community}/documents", new { title = "Unit plan", text = "" }, token), "id"));
            }
            var connection = await LiveConnection.ConnectAsync(i % 2 == 0 ? one.Address : two.Address, token);
            editors.Add((await SharedDocument.OpenAsync(connection, document), connection));
        }
        await TypeAsync(editors, 0, 5);

        await using var secondSilo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. Ports()]);
        await Patiently.HoldsAsync(async () => await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 3") == 2,
            "The second silo never joined.");

        var typing = TypeAsync(editors, 5, OpsEach);
        await Patiently.HoldsAsync(() => Task.FromResult(editors.All(e => e.Document.Text.Contains($"e{editors.IndexOf(e)}-12|", StringComparison.Ordinal))),
            "The editors never got to typing.");
        await first.KillAsync();
        await typing;
        foreach (var (editor, _) in editors)
        {
            await editor.SettleAsync(TimeSpan.FromSeconds(90));
        }

        using var survivor = new ApiClient(two.Address);
        var text = await Patiently.ReadAsync(async () =>
        {
            var stored = ApiClient.Text(await survivor.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{document}", bearer: AdminKey), "text");
            return editors.All(e => e.Document.Text == stored) ? stored : null;
        }, "The replicas never converged with the server.");
        var markers = Enumerable.Range(0, editors.Count).SelectMany(e => Enumerable.Range(0, OpsEach).Select(n => $"e{e}-{n}|")).ToList();

        Assert.Equal(editors.Count * OpsEach, markers.Count);
        Assert.All(markers, marker => Assert.Equal(1, Occurrences(text, marker)));
        Assert.Equal(1, await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 6"));
        foreach (var (editor, connection) in editors)
        {
            await editor.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Each editor appends its markers <c>e{editor}-{n}|</c>, n from <paramref name="from"/> up to <paramref name="to"/>, one op at a time.</summary>
    private static Task TypeAsync(List<(SharedDocument Document, HubConnection Connection)> editors, int from, int to) =>
        Task.WhenAll(editors.Select(async (editor, e) =>
        {
            for (var n = from; n < to; n++)
            {
                editor.Document.Edit(TextOp.At(CodePoints.Count(editor.Document.Text), OpComponent.Insert($"e{e}-{n}|")));
                await Task.Delay(100);
            }
        }));

    private static string[] ClientMode() => ["--Orleans:Mode", "Client", "--Auth:AdminKey", AdminKey];

    private static string[] Ports() => ["--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString()];

    private static int Occurrences(string text, string marker) => (text.Length - text.Replace(marker, "", StringComparison.Ordinal).Length) / marker.Length;
}
