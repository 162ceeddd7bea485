using CopLive.Collab.Text;
using CopLive.Gateway.Fanout;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Protocol.Documents;
using NodaTime;

namespace CopLive.Gateway.Tests.Fanout;

/// <summary>When a document's held events go out: at once after a quiet spell, otherwise one interval after the last delivery.</summary>
public sealed class DocumentOutboxTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void TheFirstEvents_GoOutAtOnce()
    {
        var outbox = new DocumentOutbox(Interval);
        outbox.Add([Op(1)]);

        Assert.Equal(TimeSpan.Zero, outbox.Wait(Ms(7)));
        Assert.False(outbox.Scheduled);
    }

    [Fact]
    public void EventsSoonAfterADelivery_WaitForTheRestOfTheInterval_AndThenGoOutTogether()
    {
        var outbox = new DocumentOutbox(Interval);
        outbox.Add([Op(1)]);
        outbox.Take(Ms(100));

        outbox.Add([Op(2)]);
        Assert.Equal(Ms(30), outbox.Wait(Ms(120)));
        Assert.True(outbox.Scheduled);
        outbox.Add([Op(3), Op(4)]);

        var (ops, _) = outbox.Take(Ms(150));
        Assert.Equal([2L, 3L, 4L], ops.Select(o => o.Version));
        Assert.False(outbox.Scheduled);
        Assert.True(outbox.IsEmpty);
    }

    [Fact]
    public void EventsAnIntervalOrMoreAfterADelivery_GoOutAtOnce()
    {
        var outbox = new DocumentOutbox(Interval);
        outbox.Add([Op(1)]);
        outbox.Take(Ms(100));
        outbox.Add([Op(2)]);

        Assert.Equal(TimeSpan.Zero, outbox.Wait(Ms(150)));
    }

    [Fact]
    public void ADeliveryWithNothingToSend_DoesNotHoldBackTheNextEvents()
    {
        var outbox = new DocumentOutbox(Interval);
        outbox.Take(Ms(100));
        outbox.Add([Op(1)]);

        Assert.Equal(TimeSpan.Zero, outbox.Wait(Ms(110)));
    }

    [Fact]
    public void OnlyTheLatestCursors_AreKept()
    {
        var outbox = new DocumentOutbox(Interval);
        outbox.Replace(Cursors(version: 3));
        outbox.Replace(Cursors(version: 4));

        var (ops, cursors) = outbox.Take(Ms(10));
        Assert.Empty(ops);
        Assert.Equal(4, cursors!.Version);
    }

    [Fact]
    public void CursorsPlacedBeforeOpsTheyGoOutWith_AreMovedThroughThoseOps()
    {
        var outbox = new DocumentOutbox(Interval);
        outbox.Add([Op(5, TextOp.Create(OpComponent.Insert("🍕é")))]);
        outbox.Replace(new CursorsChangedEvent(Guid.Empty, 5, [Cursor(anchor: 1, head: 3)]));
        outbox.Add([Op(6, TextOp.At(2, OpComponent.Delete(1))), Op(7, TextOp.Create(OpComponent.Insert("ab")))]);

        var (_, cursors) = outbox.Take(Ms(10));

        // Op 6 removes a code point inside the selection, op 7 inserts two before it.
        Assert.Equal(7, cursors!.Version);
        Assert.Equal((3, 4), (cursors.Cursors[0].Anchor, cursors.Cursors[0].Head));
        Assert.Equal("Teacher", cursors.Cursors[0].DisplayName);
    }

    [Fact]
    public void WithNoInterval_EverythingGoesOutAtOnce()
    {
        var outbox = new DocumentOutbox(TimeSpan.Zero);
        outbox.Add([Op(1)]);
        outbox.Take(Ms(100));
        outbox.Add([Op(2)]);

        Assert.Equal(TimeSpan.Zero, outbox.Wait(Ms(100)));
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static CommittedOp Op(long version) => Op(version, TextOp.Create(OpComponent.Insert("x")));

    private static CommittedOp Op(long version, TextOp op) =>
        new(version, op, new MemberId(Guid.Empty), "tab", version, Instant.FromUnixTimeSeconds(0));

    private static RemoteCursor Cursor(int anchor, int head) => new(Guid.Empty, "Teacher", "tab", anchor, head);

    private static CursorsChangedEvent Cursors(long version) => new(Guid.Empty, version, []);
}
