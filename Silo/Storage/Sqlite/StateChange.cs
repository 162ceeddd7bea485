namespace CopLive.Silo.Storage.Sqlite;

/// <summary>What a queued change does to a grain's row.</summary>
internal enum StateChangeKind
{
    /// <summary>Stores a payload: creates version 1 when no version is expected, otherwise replaces that version.</summary>
    Write,

    /// <summary>Empties the payload of the expected version (the row and its version live on).</summary>
    Clear,
}

/// <summary>
/// One grain's state change waiting for the writer thread. <see cref="Done"/> completes after the transaction that
/// holds it has committed, with the row's new version, or null when the expected version did not match.
/// </summary>
internal sealed class StateChange(StateChangeKind kind, StateKey key, byte[]? payload, long? version)
{
    public StateChangeKind Kind { get; } = kind;

    public StateKey Key { get; } = key;

    public byte[]? Payload { get; } = payload;

    /// <summary>The version the grain read (null on a first write).</summary>
    public long? Version { get; } = version;

    /// <summary>
    /// Completed on a thread-pool thread (<see cref="ChangeCompletion"/>), never on the writer's, so continuations may
    /// run inline.
    /// </summary>
    public TaskCompletionSource<long?> Done { get; } = new();
}
