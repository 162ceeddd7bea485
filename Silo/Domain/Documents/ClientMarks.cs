using CopLive.Grains.Errors;
using NodaTime;

namespace CopLive.Silo.Domain.Documents;

/// <summary>
/// Each client's last op, so a resubmission (same client id and seq, perhaps rebased) gets the version first
/// assigned instead of being applied twice (docs/protocol.md). The mark of an op not yet stored holds its pending
/// acknowledgement: a resubmission waits for the same write.
/// </summary>
public sealed class ClientMarks
{
    /// <summary>How long a client's mark outlives its last op.</summary>
    public static readonly Duration Lifetime = Duration.FromDays(30);

    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    /// <summary>Refuses a client id or seq no client may send.</summary>
    public static void Validate(string? clientId, long seq)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64)
        {
            throw CopLiveException.Invalid("clientId", "'clientId' must be 1-64 characters.");
        }
        if (seq < 0)
        {
            throw CopLiveException.Invalid("seq", "'seq' must be 0 or more.");
        }
    }

    /// <summary>Takes in a mark loaded from storage (stored, so already acknowledged).</summary>
    public void Restore(ClientMark mark) =>
        _marks[mark.ClientId] = new Mark(mark.Seq, mark.Version, Task.FromResult(mark.Version), mark.At);

    /// <summary>Takes in marks loaded from storage, in order: a later mark of the same client replaces an earlier one.</summary>
    public void Restore(IEnumerable<ClientMark> marks)
    {
        foreach (var mark in marks)
        {
            Restore(mark);
        }
    }

    /// <summary>
    /// The acknowledgement of this client's op with this seq if it was submitted before; null for a new op.
    /// </summary>
    /// <exception cref="CopLiveException">The seq is older than the client's last one.</exception>
    public Task<long>? Resubmitted(string clientId, long seq)
    {
        if (!_marks.TryGetValue(clientId, out var mark))
        {
            return null;
        }
        if (seq == mark.Seq)
        {
            return mark.Durable;
        }
        return seq < mark.Seq
            ? throw new CopLiveException(CopLiveError.InvalidOp,
                $"seq {seq} is older than this client's last op ({mark.Seq}); a client's seq must increase.", "seq")
            : null;
    }

    /// <summary>Records a client's newest op and its (pending) acknowledgement.</summary>
    public void Record(string clientId, long seq, long version, Task<long> durable, Instant at) =>
        _marks[clientId] = new Mark(seq, version, durable, at);

    /// <summary>Forgets clients idle for longer than <see cref="Lifetime"/> whose last op is acknowledged.</summary>
    public void ForgetIdle(Instant now)
    {
        var cutoff = now - Lifetime;
        foreach (var idle in _marks.Where(m => m.Value.At < cutoff && m.Value.Durable.IsCompleted).Select(m => m.Key).ToList())
        {
            _marks.Remove(idle);
        }
    }

    /// <summary>
    /// The marks of stored ops only: a mark must never vouch for an op a crash could still lose. A client whose last
    /// op is not stored yet is covered by the tail once it is.
    /// </summary>
    public IReadOnlyList<ClientMark> StoredThrough(long durable) =>
        [.. _marks.Where(m => m.Value.Version <= durable).Select(m => new ClientMark(m.Key, m.Value.Seq, m.Value.Version, m.Value.At))];

    private sealed record Mark(long Seq, long Version, Task<long> Durable, Instant At);
}
