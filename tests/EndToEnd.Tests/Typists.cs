using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// Teachers typing into one document through a cluster's gateways. Each appends numbered markers
/// (<c>e{teacher}-{n}|</c>), so a test can tell that every acknowledged op is in the document exactly once.
/// </summary>
internal sealed class Typists : IAsyncDisposable
{
    private readonly List<(SharedDocument Document, HubConnection Connection)> _editors;
    private readonly List<(SharedDocument Document, HubConnection Connection)> _watchers;

    private Typists(Guid document, List<(SharedDocument, HubConnection)> editors, List<(SharedDocument, HubConnection)> watchers) =>
        (Document, _editors, _watchers) = (document, editors, watchers);

    /// <summary>The document they type into.</summary>
    public Guid Document { get; }

    /// <summary>Whether every typist's connection is up.</summary>
    public bool AllConnected => _editors.Concat(_watchers).All(e => e.Connection.State == HubConnectionState.Connected);

    /// <summary>
    /// <paramref name="count"/> members of a new community, one of whom creates the document, and
    /// <paramref name="watchers"/> more who only read along (they never fetch: what they see comes from the gateway's
    /// events alone); member i connects through <paramref name="gatewaysOf"/>(i) and opens it.
    /// </summary>
    public static async Task<Typists> JoinAsync(ApiClient api, string adminKey, Func<int, IReadOnlyList<Uri>> gatewaysOf, int count = 3, int watchers = 0)
    {
        var (community, invites) = await api.CreateCommunityAsync(adminKey);
        var editors = new List<(SharedDocument, HubConnection)>();
        Guid document = default;
        for (var i = 0; i < count + watchers; i++)
        {
            var (_, token) = await api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
            if (document == default)
            {
                document = Guid.Parse(ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post,
                    $"/api/communities/{community}/documents", new { title = "Unit plan", text = "" }, token), "id"));
            }
            var connection = await LiveConnection.ConnectAsync(gatewaysOf(i), token);
            editors.Add((await SharedDocument.OpenAsync(connection, document), connection));
        }
        return new Typists(document, editors[..count], editors[count..]);
    }

    /// <summary>Each typist appends markers <paramref name="from"/> up to <paramref name="to"/>, one op every 100 ms.</summary>
    public Task TypeAsync(int from, int to) =>
        Task.WhenAll(_editors.Select(async (editor, e) =>
        {
            for (var n = from; n < to; n++)
            {
                await TypeAsync(editor.Document, e, n);
            }
        }));

    /// <summary>Each typist appends markers from <paramref name="from"/> on, one op every 100 ms, until <paramref name="stop"/>; returns how far each got.</summary>
    public async Task<int[]> TypeUntilAsync(int from, CancellationToken stop) =>
        await Task.WhenAll(_editors.Select(async (editor, e) =>
        {
            var n = from;
            for (; !stop.IsCancellationRequested; n++)
            {
                await TypeAsync(editor.Document, e, n);
            }
            return n;
        }));

    /// <summary>Until every typist has typed marker <paramref name="n"/> (in their own copy).</summary>
    public Task HaveTypedAsync(int n) =>
        Patiently.HoldsAsync(() => Task.FromResult(_editors.Select((e, i) => e.Document.Text.Contains(Marker(i, n), StringComparison.Ordinal)).All(x => x)),
            "The typists never got that far.");

    /// <summary>Until every typist's ops are acknowledged.</summary>
    public async Task SettleAsync()
    {
        foreach (var (document, _) in _editors)
        {
            await document.SettleAsync(TimeSpan.FromSeconds(90));
        }
    }

    /// <summary>The stored text, once every typist's copy equals it.</summary>
    public Task<string> ConvergedTextAsync(ApiClient reader, string bearer) =>
        Patiently.ReadAsync(async () =>
        {
            var stored = ApiClient.Text(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{Document}", bearer: bearer), "text");
            return _editors.Concat(_watchers).All(e => e.Document.Text == stored) ? stored : null;
        }, "The copies never converged with the server.");

    /// <summary>Asserts that every marker up to <paramref name="typed"/> of every typist is in <paramref name="text"/> exactly once.</summary>
    public void AssertEveryOpOnce(string text, int typed) => AssertEveryOpOnce(text, [.. _editors.Select(_ => typed)]);

    /// <summary>Asserts that every marker typist i typed (<paramref name="typed"/>[i] of them) is in <paramref name="text"/> exactly once.</summary>
    public void AssertEveryOpOnce(string text, int[] typed)
    {
        var markers = typed.SelectMany((count, e) => Enumerable.Range(0, count).Select(n => Marker(e, n))).ToList();
        Assert.Equal(_editors.Count, typed.Length);
        Assert.NotEmpty(markers);
        Assert.All(markers, marker => Assert.Equal(1, (text.Length - text.Replace(marker, "", StringComparison.Ordinal).Length) / marker.Length));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (document, connection) in _editors.Concat(_watchers))
        {
            await document.DisposeAsync();
            await AfterCrash.DisposeAsync(connection);
        }
    }

    /// <summary>Appends typist <paramref name="editor"/>'s marker <paramref name="n"/>, then waits the 100 ms between two ops.</summary>
    private static Task TypeAsync(SharedDocument document, int editor, int n)
    {
        document.Edit(TextOp.At(CodePoints.Count(document.Text), OpComponent.Insert(Marker(editor, n))));
        return Task.Delay(100);
    }

    private static string Marker(int editor, int n) => $"e{editor}-{n}|";
}
