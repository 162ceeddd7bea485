using CopLive.Grains.Ids;

namespace CopLive.Silo.Domain.Documents;

/// <summary>What a facilitator set on a document: whether it is locked, and whose edits the session muted.</summary>
public sealed class DocumentSettings
{
    private readonly HashSet<Guid> _muted = [];

    /// <summary>Read-only for everyone below facilitator.</summary>
    public bool Locked { get; set; }

    /// <summary>The muted members, as stored.</summary>
    public IReadOnlyCollection<Guid> Muted => _muted;

    /// <summary>Whether <paramref name="member"/>'s edits are refused.</summary>
    public bool IsMuted(MemberId member) => _muted.Contains(member.Value);

    /// <summary>Mutes or unmutes a member; true if that changed anything.</summary>
    public bool SetMuted(MemberId member, bool muted) => muted ? _muted.Add(member.Value) : _muted.Remove(member.Value);

    /// <summary>Takes in the muted members loaded from storage or given at creation.</summary>
    public void RestoreMuted(IEnumerable<Guid> muted) => _muted.UnionWith(muted);
}
