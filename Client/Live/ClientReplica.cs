using CopLive.Collab.Text;
using CopLive.Protocol.Documents;

namespace CopLive.Client.Live;

/// <summary>
/// The OT client state machine of one copy of a document, with no I/O: local edits apply at once; one op is in flight
/// to the server and later edits wait composed into one pending op; ops from the server's stream are taken in version
/// order, our own in-flight op coming back being its acknowledgement and anyone else's transformed past our in-flight
/// and pending ops before it is applied. Not thread-safe: its owner serializes calls.
/// </summary>
public sealed class ClientReplica(string clientId, string text, long version)
{
    private long _seq;

    /// <summary>This client's id in the ops it submits.</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The text as this client sees it (including edits the server has not acknowledged yet).</summary>
    public string Text { get; private set; } = text;

    /// <summary>The last server version taken in.</summary>
    public long Version { get; private set; } = version;

    /// <summary>The op sent and not yet acknowledged, rebased onto <see cref="Version"/>.</summary>
    public Submission? InFlight { get; private set; }

    /// <summary>Edits made since the in-flight op was sent, composed into one.</summary>
    public TextOp? Pending { get; private set; }

    /// <summary>True when every local edit is acknowledged.</summary>
    public bool IsSettled => InFlight is null && Pending is null;

    /// <summary>Applies a local edit, made on <see cref="Text"/>.</summary>
    /// <exception cref="InvalidOpException">The op does not fit the text.</exception>
    public void Edit(TextOp op)
    {
        Text = TextType.Apply(Text, op);
        Pending = Pending is null ? op : TextType.Compose(Pending, op);
    }

    /// <summary>
    /// The op to send now: the pending edits, which become the in-flight op, when nothing is in flight; null
    /// otherwise (one op at a time) or when there is nothing to send.
    /// </summary>
    public Submission? Send()
    {
        if (InFlight is not null || Pending is null)
        {
            return null;
        }
        InFlight = new Submission(Pending, ++_seq);
        Pending = null;
        return InFlight;
    }

    /// <summary>Takes in an op of the server's stream.</summary>
    public Intake Receive(RemoteOp op)
    {
        if (op.Version <= Version)
        {
            return Intake.Seen;
        }
        if (op.Version > Version + 1)
        {
            return Intake.Gap;
        }
        Version = op.Version;
        if (InFlight is { } inflight && op.ClientId == ClientId && op.Seq == inflight.Seq)
        {
            InFlight = null;
            return Intake.Acknowledged;
        }

        var remote = op.Op;
        if (InFlight is { } mine)
        {
            var rebased = TextType.Transform(mine.Op, remote, Side.Left);
            remote = TextType.Transform(remote, mine.Op, Side.Right);
            InFlight = mine with { Op = rebased };
        }
        if (Pending is { } pending)
        {
            var rebased = TextType.Transform(pending, remote, Side.Left);
            remote = TextType.Transform(remote, pending, Side.Right);
            Pending = rebased;
        }
        Text = TextType.Apply(Text, remote);
        return Intake.Applied;
    }

    /// <summary>Forgets the in-flight op the server refused for good (it changed nothing there).</summary>
    public void Drop() => InFlight = null;
}

/// <summary>An op this client submits: its edits and its sequence number (the same on a resubmission).</summary>
public sealed record Submission(TextOp Op, long Seq);

/// <summary>What taking in an op of the stream did.</summary>
public enum Intake
{
    /// <summary>Already taken in (at or below the client's version): ignored.</summary>
    Seen,

    /// <summary>Ops are missing before it: fetch them first.</summary>
    Gap,

    /// <summary>Our own in-flight op came back: it is acknowledged.</summary>
    Acknowledged,

    /// <summary>Someone else's op, transformed past ours and applied.</summary>
    Applied,
}
