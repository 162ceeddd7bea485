using CopLive.Silo.Domain;
using Orleans.Storage;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// The stored ops after a document's archive boundary: a ring of <see cref="DocumentLimits.TailSlots"/> rows, one op
/// per row in slot <c>version % TailSlots</c>. Committing an op writes one small row, so an op's write costs the
/// same however long the tail, the text or the history, and the document's head is written only when it changes or
/// a segment is archived.
/// </summary>
/// <remarks>
/// The document writes a slot only for a version at most <see cref="DocumentLimits.TailSlots"/> past its stored
/// archive boundary, so a slot is reused only once the op it held is in an archived segment. A slot holding an op at
/// or before the boundary is therefore stale, never missing data.
/// </remarks>
internal sealed class DocumentTail(IGrainStorage storage, Guid document)
{
    /// <summary>The state name of the slots' rows.</summary>
    internal const string StateName = "documentTail";

    /// <summary>
    /// Most slot reads or writes in flight at once for one document: on PostgreSQL each takes a pooled connection,
    /// and a document loading all 64 slots at once could exhaust the server's connections.
    /// </summary>
    private const int Width = 8;

    private readonly GrainState<StoredOp>?[] _slots = new GrainState<StoredOp>?[DocumentLimits.TailSlots];

    // Made once per slot: every op's write names its slot, and each id built anew costs a formatted key string.
    private readonly GrainId?[] _slotIds = new GrainId?[DocumentLimits.TailSlots];

    /// <summary>
    /// Reads every slot and returns the ops after <paramref name="archivedVersion"/> in version order, up to the
    /// first missing version. Ops past a missing one are the unacknowledged rest of a write interrupted by a crash
    /// (an op is acknowledged only once it and every op before it are stored): their slots are cleared, so they can
    /// never reappear after the versions they held are given to new ops.
    /// </summary>
    public async Task<IReadOnlyList<StoredOp>> LoadAsync(long archivedVersion)
    {
        await InGroupsAsync(Enumerable.Range(0, _slots.Length), async slot =>
        {
            var state = new GrainState<StoredOp>(new StoredOp());
            await storage.ReadStateAsync(StateName, SlotId(slot), state);
            _slots[slot] = state;
        });

        var found = _slots
            .Select(s => s!.State)
            .OfType<StoredOp>()
            .Where(o => o.Version > archivedVersion)
            .GroupBy(o => o.Version)
            .ToDictionary(g => g.Key, g => g.First());
        var ops = new List<StoredOp>();
        for (var version = archivedVersion + 1; found.Remove(version, out var op); version++)
        {
            ops.Add(op);
        }

        var stale = found.Keys.Select(SlotOf).Distinct().Where(slot => _slots[slot]!.State?.Version > archivedVersion + ops.Count);
        await InGroupsAsync(stale.ToList(), ClearAsync);
        return ops;
    }

    /// <summary>A new document's tail: nothing can be stored under its id yet, so nothing is read.</summary>
    public void StartEmpty()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            _slots[slot] = new GrainState<StoredOp>(new StoredOp());
        }
    }

    /// <summary>Stores each op in its slot; completes when all are stored.</summary>
    /// <remarks>Up to 16 ops go to storage together, so SQLite's writer commits them in one transaction.</remarks>
    public Task WriteAsync(IReadOnlyList<StoredOp> ops) => ops.Count <= Width * 2
        ? Task.WhenAll(ops.Select(WriteAsync))
        : InGroupsAsync(ops, WriteAsync, Width * 2);

    private static async Task InGroupsAsync<T>(IEnumerable<T> items, Func<T, Task> action, int width = Width)
    {
        foreach (var group in items.Chunk(width))
        {
            await Task.WhenAll(group.Select(action));
        }
    }

    private async Task WriteAsync(StoredOp op)
    {
        var slot = SlotOf(op.Version);
        var state = _slots[slot] ?? throw new InvalidOperationException("The tail is written before it was loaded.");
        state.State = op;
        await storage.WriteStateAsync(StateName, SlotId(slot), state);
    }

    private async Task ClearAsync(int slot)
    {
        var state = _slots[slot]!;
        await storage.ClearStateAsync(StateName, SlotId(slot), state);
        state.State = new StoredOp();
    }

    /// <summary>The slot that holds the op of <paramref name="version"/>.</summary>
    internal static int SlotOf(long version) => (int)(version % DocumentLimits.TailSlots);

    /// <summary>The storage key of a slot of a document's tail.</summary>
    internal static GrainId SlotId(Guid document, int slot) => GrainId.Create("coplive.document-tail", $"{document:N}/{slot}");

    private GrainId SlotId(int slot) => _slotIds[slot] ??= SlotId(document, slot);
}
