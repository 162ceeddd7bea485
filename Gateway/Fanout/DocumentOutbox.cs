using CopLive.Collab.Text;
using CopLive.Gateway.Hubs;
using CopLive.Grains.Documents;
using CopLive.Protocol.Documents;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// What the gateway holds for one document between two deliveries, how far it has taken the document's ops in, and
/// when the next delivery may go out: at once after a quiet spell, otherwise one interval after the previous one.
/// Only the fan-out's consumer touches it.
/// </summary>
internal sealed class DocumentOutbox(TimeSpan interval)
{
    private readonly List<CommittedOp> _ops = [];
    private TimeSpan? _lastDelivered;

    /// <summary>The version of the last op this gateway took in for the document, held or sent; 0 before any.</summary>
    public long Version { get; private set; }

    /// <summary>The latest cursors not yet sent; a newer set replaces an older one, which nobody needs any more.</summary>
    public CursorsChangedEvent? Cursors { get; private set; }

    /// <summary>True while a delivery is set for later; events arriving meanwhile just join it.</summary>
    public bool Scheduled { get; private set; }

    public bool IsEmpty => _ops.Count == 0 && Cursors is null;

    /// <summary>Holds committed ops, which follow those already taken in, in version order.</summary>
    public void Add(IReadOnlyList<CommittedOp> ops)
    {
        if (ops.Count > 0)
        {
            _ops.AddRange(ops);
            Version = ops[^1].Version;
        }
    }

    public void Replace(CursorsChangedEvent cursors) => Cursors = cursors;

    /// <summary>
    /// How long to wait before delivering what is held, asked at <paramref name="now"/> (a reading of a monotonic
    /// clock): zero when the last delivery is at least an interval ago. A non-zero answer marks the outbox
    /// <see cref="Scheduled"/>.
    /// </summary>
    public TimeSpan Wait(TimeSpan now)
    {
        var since = _lastDelivered is { } last ? now - last : interval;
        var wait = since >= interval ? TimeSpan.Zero : interval - since;
        Scheduled = wait > TimeSpan.Zero;
        return wait;
    }

    /// <summary>Empties the outbox for a delivery made at <paramref name="now"/>, returning what it held.</summary>
    public (IReadOnlyList<CommittedOp> Ops, CursorsChangedEvent? Cursors) Take(TimeSpan now)
    {
        Scheduled = false;
        if (IsEmpty)
        {
            // Nothing went out, so the next events need not wait for this delivery's interval.
            return ([], null);
        }
        var ops = _ops.ToArray();
        var cursors = Cursors is { } held ? Forward(held, ops) : null;
        _ops.Clear();
        Cursors = null;
        _lastDelivered = now;
        return (ops, cursors);
    }

    /// <summary>
    /// Moves cursors placed at an earlier version than some of the ops they go out with through those ops, so that
    /// they land where their owners put them in the text the readers will have once the ops are applied.
    /// </summary>
    private static CursorsChangedEvent Forward(CursorsChangedEvent cursors, CommittedOp[] ops)
    {
        var later = ops.Where(o => o.Version > cursors.Version).ToList();
        if (later.Count == 0)
        {
            return cursors;
        }
        var moved = cursors.Cursors.Select(cursor =>
        {
            var selection = later.Aggregate(new Selection(cursor.Anchor, cursor.Head), (s, op) => TextType.TransformSelection(s, op.Op));
            return cursor with { Anchor = selection.Anchor, Head = selection.Head };
        });
        return cursors with { Version = later[^1].Version, Cursors = [.. moved] };
    }
}
