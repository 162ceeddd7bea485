using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>Teachers typing at once through the real hub, with the real SignalR client and the .NET client state machine.</summary>
public sealed class LiveEditingTests(LiveEditingTests.SlowRefillGateway gateway) : IClassFixture<LiveEditingTests.SlowRefillGateway>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task SixEditorsPerDocument_TypingAtOnce_AllConvergeToTheServersText()
    {
        const int Documents = 3, Editors = 6, EditsEach = 30;
        var (community, tokens) = await Api.CommunityWithTeachersAsync(Editors);
        var connections = new List<HubConnection>();
        try
        {
            var editors = new List<(SharedDocument Document, RandomEdits Random)>();
            var documents = new List<Guid>();
            for (var d = 0; d < Documents; d++)
            {
                var id = await Api.CreateDocumentAsync(community, tokens[0], $"Plan {d}", "# Lesson plan\n");
                documents.Add(id);
                for (var e = 0; e < Editors; e++)
                {
                    var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[e]);
                    connections.Add(connection);
                    editors.Add((await SharedDocument.OpenAsync(connection, id), new RandomEdits(d * 100 + e)));
                }
            }

            await Task.WhenAll(editors.Select(async editor =>
            {
                for (var i = 0; i < EditsEach; i++)
                {
                    editor.Document.Edit(editor.Random.Next(editor.Document.Text));
                    await Task.Delay(editor.Random.Pause());
                }
            }));
            await Task.WhenAll(editors.Select(e => e.Document.SettleAsync(Settle)));

            foreach (var id in documents)
            {
                var server = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}", bearer: tokens[0]);
                var copies = editors.Where(e => e.Document.DocumentId == id).Select(e => e.Document).ToList();
                Assert.All(copies, copy => Assert.Equal(ApiClient.Text(server, "text"), copy.Text));
                Assert.InRange(server["version"]!.GetValue<long>(), 1, Editors * EditsEach);
                Assert.All(copies, copy => Assert.Null(copy.LastError));
                var authorship = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}/authorship", bearer: tokens[0]);
                Assert.Equal(Editors, authorship["contributions"]!.AsArray().Count);
            }
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task AClientThatDropsMidBurst_KeepsTyping_AndConvergesAfterReconnecting()
    {
        var (community, tokens) = await Api.CommunityWithTeachersAsync(2);
        var id = await Api.CreateDocumentAsync(community, tokens[0], "Plan", "");
        await using var proxy = new TcpProxy(Api.BaseAddress);
        await using var steady = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[0]);
        await using var flaky = await LiveConnection.ConnectAsync(proxy.Address, tokens[1]);
        var reconnects = 0;
        flaky.Reconnected += _ =>
        {
            Interlocked.Increment(ref reconnects);
            return Task.CompletedTask;
        };
        var a = await SharedDocument.OpenAsync(steady, id);
        var b = await SharedDocument.OpenAsync(flaky, id);
        var randomA = new RandomEdits(1);
        var randomB = new RandomEdits(2);

        for (var i = 0; i < 60; i++)
        {
            if (i == 20)
            {
                proxy.DropAll();
            }
            a.Edit(randomA.Next(a.Text));
            b.Edit(randomB.Next(b.Text));
            await Task.Delay(10);
        }
        await a.SettleAsync(Settle);
        await b.SettleAsync(Settle);

        Assert.True(reconnects >= 1, "the dropped connection should have reconnected");
        var server = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}", bearer: tokens[0]);
        Assert.Equal(ApiClient.Text(server, "text"), a.Text);
        Assert.Equal(ApiClient.Text(server, "text"), b.Text);
        var authors = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}/authors", bearer: tokens[0]);
        Assert.Equal(2, authors["authors"]!.AsArray().Count);
        Assert.Equal(CopLive.Collab.Text.CodePoints.Count(a.Text), authors["authors"]!.AsArray().Sum(x => x!["present"]!.GetValue<long>()));
    }

    [Fact]
    public async Task AClientThatStopsReading_DoesNotHoldUpTheOthers_AndGetsEverythingInOrderWhenItReadsAgain()
    {
        await using var teachers = await SleepingReader.StartAsync(Api);

        var version = await teachers.FloodWhileAsleepAsync();

        // The watcher gets every op while the sleeper still holds what it has not read ...
        await Eventually.HoldsAsync(() => teachers.Watching.Version == version);
        Assert.Equal("", teachers.Watching.Text);
        Assert.Equal(0, teachers.Drops);

        // ... and the sleeper, reading again, gets all of it in order on the same connection.
        teachers.WakeUp();
        await Eventually.HoldsAsync(() => teachers.Sleeping.Version == version);
        Assert.Equal("", teachers.Sleeping.Text);
        Assert.Null(teachers.Sleeping.LastError);
        Assert.Equal(0, teachers.Drops);
    }

    [Fact]
    public async Task HubErrors_CarryAStableCode()
    {
        var (community, tokens) = await Api.CommunityWithTeachersAsync(1);
        var id = await Api.CreateDocumentAsync(community, tokens[0], "Plan", "abc");
        await using var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[0]);
        var (_, otherTokens) = await Api.CommunityWithTeachersAsync(1);
        await using var outsider = await LiveConnection.ConnectAsync(Api.BaseAddress, otherTokens[0]);
        await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), id.ToString());

        var invalid = await Assert.ThrowsAsync<HubException>(() =>
            connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), id.ToString(), "tab", 1L, 0L, TextOpJson.Parse("[9, \"x\"]")));
        var malformed = await Assert.ThrowsAsync<HubException>(() =>
            connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), id.ToString(), "tab", 2L, 0L, new object[] { 1, 2 }));
        var newer = await Assert.ThrowsAsync<HubException>(() =>
            connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), id.ToString(), "tab", 3L, 99L, TextOpJson.Parse("[\"x\"]")));
        var forbidden = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), id.ToString()));
        var notFound = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), Guid.NewGuid().ToString()));

        Assert.Equal(RefusalCode.InvalidOp, HubError.Code(invalid));
        Assert.Equal(RefusalCode.InvalidOp, HubError.Code(malformed));
        Assert.Equal(RefusalCode.NewerThanHead, HubError.Code(newer));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(forbidden));
        Assert.Equal(RefusalCode.NotFound, HubError.Code(notFound));
        var server = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}", bearer: tokens[0]);
        Assert.Equal(0, server["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task AFloodingConnection_IsRateLimited_WhileAnotherMembersOpsAreAllAcknowledged()
    {
        var (community, tokens) = await Api.CommunityWithTeachersAsync(2);
        var id = await Api.CreateDocumentAsync(community, tokens[0], "Plan", "");
        // One member floods from eight tabs at once: 320 ops against a burst of 200 that refills one op a second, so at
        // least a hundred are refused unless the flood took minutes.
        var flooders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LiveConnection.ConnectAsync(Api.BaseAddress, tokens[0])));
        await using var teacher = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[1]);

        var limited = 0;
        var acknowledged = 0;
        var flooding = flooders.Select((flooder, tab) => Task.Run(async () =>
        {
            for (var seq = 1; seq <= 40; seq++)
            {
                try
                {
                    await flooder.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), id.ToString(), $"flood-{tab}", (long)seq, 0L, TextOpJson.Parse("[\"x\"]"));
                }
                catch (HubException e) when (HubError.Code(e) == RefusalCode.RateLimited)
                {
                    Interlocked.Increment(ref limited);
                    Assert.Contains("retry after", e.Message);
                }
            }
        })).ToList();
        for (var i = 1; i <= 20; i++)
        {
            await teacher.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), id.ToString(), "teacher", (long)i, 0L, TextOpJson.Parse("[\"y\"]"));
            acknowledged++;
        }
        await Task.WhenAll(flooding);
        foreach (var flooder in flooders)
        {
            await flooder.DisposeAsync();
        }

        Assert.True(limited >= 100, $"only {limited} of the flood's 320 ops were refused");
        Assert.Equal(20, acknowledged);
    }

    [Fact]
    public async Task Hub_WithoutAToken_RefusesTheConnection()
    {
        await using var anonymous = LiveConnection.Create(Api.BaseAddress, () => null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task History_Export_AndCatchUp_OverRest()
    {
        var (community, tokens) = await Api.CommunityWithTeachersAsync(1);
        var id = await Api.CreateDocumentAsync(community, tokens[0], "Fractions unit", "# Plan\n");
        await using var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[0]);
        var document = await SharedDocument.OpenAsync(connection, id);
        document.Edit(TextOpJson.Parse("[7, \"Warm-up 🍕\\n\"]"));
        await document.SettleAsync(Settle);
        document.Edit(TextOpJson.Parse("[{\"d\": 2}]"));
        await document.SettleAsync(Settle);

        var v0 = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}?version=0", bearer: tokens[0]);
        var v1 = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}?version=1", bearer: tokens[0]);
        var ops = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}/ops?from=1", bearer: tokens[0]);
        using var export = await Api.GetAsync($"/api/documents/{id}/export.md", tokens[0]);

        Assert.Equal("# Plan\n", ApiClient.Text(v0, "text"));
        Assert.Equal("# Plan\nWarm-up 🍕\n", ApiClient.Text(v1, "text"));
        Assert.Equal(2, v1["headVersion"]!.GetValue<long>());
        var op = Assert.Single(ops["ops"]!.AsArray())!;
        Assert.Equal(2, op["version"]!.GetValue<long>());
        Assert.Equal("[{\"d\":2}]", op["op"]!.ToJsonString());
        Assert.Equal("text/markdown", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Plan\nWarm-up 🍕\n", await export.Content.ReadAsStringAsync());
        await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"/api/documents/{id}?version=99", bearer: tokens[0]);
    }

    /// <summary>A gateway whose edit budget refills one op a second, so a flood is refused whatever the machine's speed.</summary>
    public sealed class SlowRefillGateway : GatewayFixture
    {
        protected override IEnumerable<string> Settings => ["--Documents:OpsPerSecond", "1", "--Documents:OpsBurst", "200"];
    }
}
