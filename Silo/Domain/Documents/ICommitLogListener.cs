using System.Collections.Immutable;
using CopLive.Grains.Documents;

namespace CopLive.Silo.Domain.Documents;

/// <summary>What a <see cref="DocumentCommitLog"/> tells its document as it stores, acknowledges and archives.</summary>
public interface ICommitLogListener
{
    /// <summary>A write stored <paramref name="ops"/> ops (and perhaps the settings) in <paramref name="took"/>.</summary>
    void Written(TimeSpan took, int ops);

    /// <summary>An op was acknowledged <paramref name="sinceApplied"/> after it was applied.</summary>
    void Acknowledged(TimeSpan sinceApplied);

    /// <summary>Ops just acknowledged, in version order: the moment to tell the gateways.</summary>
    Task StoredAsync(ImmutableArray<CommittedOp> ops);

    /// <summary>History was archived through <paramref name="version"/>.</summary>
    void Archived(long version);

    /// <summary>A write failed: memory is ahead of storage, so the document must start again from storage.</summary>
    void Failed(Exception error);
}
