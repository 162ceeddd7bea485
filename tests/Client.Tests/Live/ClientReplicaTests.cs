using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;

namespace CopLive.Client.Tests.Live;

/// <summary>The client state machine step by step.</summary>
public sealed class ClientReplicaTests
{
    [Fact]
    public void EditsWhileAnOpIsInFlight_WaitComposedIntoOne()
    {
        var replica = new ClientReplica("tab", "", 0);

        replica.Edit(Insert(0, "a"));
        var first = replica.Send();
        replica.Edit(Insert(1, "b"));
        replica.Edit(Insert(2, "c"));

        Assert.Equal((1L, "[\"a\"]"), (first!.Seq, TextOpJson.Serialize(first.Op)));
        Assert.Null(replica.Send());
        Assert.Equal("[1,\"bc\"]", TextOpJson.Serialize(replica.Pending!));
        Assert.Equal("abc", replica.Text);
    }

    [Fact]
    public void OurOwnOpComingBack_AcknowledgesIt_AndTheNextPendingOpCanGo()
    {
        var replica = new ClientReplica("tab", "", 0);
        replica.Edit(Insert(0, "a"));
        var sent = replica.Send()!;
        replica.Edit(Insert(1, "b"));

        Assert.Equal(Intake.Acknowledged, replica.Receive(new RemoteOp(1, sent.Op, Guid.Empty, "tab", sent.Seq)));
        var next = replica.Send();

        Assert.Equal(2, next!.Seq);
        Assert.Equal(1, replica.Version);
        Assert.Equal("ab", replica.Text);
    }

    [Fact]
    public void AnotherClientsOp_IsTransformedPastOursBeforeItApplies()
    {
        var replica = new ClientReplica("tab", "hello", 0);
        replica.Edit(Insert(5, "!"));
        replica.Send();
        replica.Edit(Insert(0, ">"));

        Assert.Equal(Intake.Applied, replica.Receive(new RemoteOp(1, Insert(5, " world"), Guid.Empty, "other", 1)));

        // At the same place, the op already sent goes first, as the server will decide when it rebases it.
        Assert.Equal(">hello! world", replica.Text);
        Assert.Equal("[5,\"!\"]", TextOpJson.Serialize(replica.InFlight!.Op));
    }

    [Fact]
    public void AnOpAlreadySeen_IsIgnored_AndOneAfterAGap_IsNotTakenIn()
    {
        var replica = new ClientReplica("tab", "x", 3);

        Assert.Equal(Intake.Seen, replica.Receive(new RemoteOp(3, Insert(0, "a"), Guid.Empty, "other", 1)));
        Assert.Equal(Intake.Gap, replica.Receive(new RemoteOp(5, Insert(0, "b"), Guid.Empty, "other", 2)));
        Assert.Equal(("x", 3L), (replica.Text, replica.Version));
    }

    private static TextOp Insert(int at, string text) => TextOp.At(at, OpComponent.Insert(text));
}
