using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Gateway.Hubs;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CopLive.Gateway.Tests.Live;

/// <summary>
/// A paced document's ops reach its readers each once and in order, and clients wait for their own ops' broadcasts.
/// How many ops share a frame depends on timing, so it is measured by the benchmark, and the pacing rule itself is
/// tested with a clock of the test's own (<see cref="Fanout.DocumentOutboxTests"/>).
/// </summary>
public sealed class DocumentPacingTests(DocumentPacingTests.PacedGateway gateway) : IClassFixture<DocumentPacingTests.PacedGateway>
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task ABurstOfOps_ReachesAReader_EachOpOnceAndInOrder_AndEachDeliveryIsMeasured()
    {
        var (community, tokens) = await Api.CommunityWithTeachersAsync(2);
        var id = await Api.CreateDocumentAsync(community, tokens[0], "Plan", "");
        await using var editor = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[0]);
        await using var reader = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[1]);
        var frames = new ConcurrentQueue<long[]>();
        reader.On<DocumentOpsEvent>(nameof(IDocumentEvents.DocumentOps), e => frames.Enqueue([.. e.Ops.Select(o => o.Version)]));
        await reader.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), id.ToString());
        var deliveries = new ConcurrentQueue<int>();
        using var listener = DeliveryListener(deliveries);

        const int Ops = 12;
        for (var seq = 1L; seq <= Ops; seq++)
        {
            await editor.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), id.ToString(), "editor", seq, seq - 1, TextOp.Create(OpComponent.Insert("é🍕")));
        }

        await Eventually.HoldsAsync(() => frames.Sum(f => f.Length) >= Ops);
        Assert.Equal(Enumerable.Range(1, Ops).Select(v => (long)v), frames.SelectMany(f => f));
        // The gateway's metric counts the ops of each delivery.
        Assert.Equal(frames.Select(f => f.Length), deliveries);
    }

    [Fact]
    public async Task AnEditorsCopy_WaitsForItsOwnOpsBroadcast_InsteadOfFetchingIt()
    {
        var (community, tokens) = await Api.CommunityWithTeachersAsync(1);
        var id = await Api.CreateDocumentAsync(community, tokens[0], "Plan", "");
        await using var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, tokens[0]);
        // A copy that would wait for ever: only the broadcast can settle it, so a fetch cannot stand in for a slow one.
        var copy = await SharedDocument.OpenAsync(connection, id, broadcastGrace: Timeout.InfiniteTimeSpan);

        // The first op's broadcast goes out at once; the next ones come after their replies, when the interval is up.
        for (var i = 0; i < 3; i++)
        {
            copy.Edit(TextOp.At(CodePoints.Count(copy.Text), OpComponent.Insert($"note {i} ✓\n")));
            await Eventually.HoldsAsync(() => copy.IsSettled);
        }

        Assert.Equal("note 0 ✓\nnote 1 ✓\nnote 2 ✓\n", copy.Text);
        Assert.Equal(3, copy.Version);
        Assert.Equal(0, gateway.Calls.Count(connection.ConnectionId!, "GetOps"));
        var server = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{id}", bearer: tokens[0]);
        Assert.Equal(copy.Text, ApiClient.Text(server, "text"));
    }

    /// <summary>Records this gateway's <c>coplive.fanout.delivery_ops</c> measurements.</summary>
    private MeterListener DeliveryListener(ConcurrentQueue<int> deliveries)
    {
        var meters = gateway.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "coplive.fanout.delivery_ops")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, ops, _, _) => deliveries.Enqueue(ops));
        listener.Start();
        return listener;
    }

    /// <summary>A gateway that sends a document's events at most once a second, and counts the hub calls it gets.</summary>
    public sealed class PacedGateway : GatewayFixture
    {
        public HubCalls Calls { get; } = new();

        protected override IEnumerable<string> Settings => ["--Fanout:DocumentIntervalMs", "1000"];

        protected override void Configure(WebApplicationBuilder builder) =>
            builder.Services.AddSignalR().AddHubOptions<LiveHub>(o => o.AddFilter(Calls));
    }

    /// <summary>Every hub method call, by connection.</summary>
    public sealed class HubCalls : IHubFilter
    {
        private readonly ConcurrentQueue<(string ConnectionId, string Method)> _calls = new();

        public int Count(string connectionId, string method) => _calls.Count(c => c.ConnectionId == connectionId && c.Method == method);

        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            _calls.Enqueue((invocationContext.Context.ConnectionId, invocationContext.HubMethodName));
            return next(invocationContext);
        }
    }
}
