using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// The often-written part of a document: identity, the ops after the archive boundary and the last op of each
/// client (for dedupe across restarts). Its size is bounded by the archive threshold and the number of active
/// clients, never by the text or the history.
/// </summary>
[GenerateSerializer, Alias("coplive.DocumentHeadState")]
public sealed class DocumentHeadState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public CommunityId Community { get; set; }
    [Id(2)] public string Title { get; set; } = "";
    [Id(3)] public MemberId CreatedBy { get; set; }
    [Id(4)] public Instant CreatedAt { get; set; }
    [Id(5)] public long ArchivedVersion { get; set; }
    [Id(6)] public List<StoredOp> Tail { get; set; } = [];
    [Id(7)] public Dictionary<string, ClientMark> Clients { get; set; } = [];
    [Id(8)] public bool Locked { get; set; }

    /// <summary>The session this document belongs to (its lesson plan or a room's notes), if any.</summary>
    [Id(9)] public SessionId Session { get; set; }

    /// <summary>Members whose edits are refused (muted in the session).</summary>
    [Id(10)] public List<Guid> Muted { get; set; } = [];
}

/// <summary>The last op a client submitted and the version it got.</summary>
[GenerateSerializer, Alias("coplive.DocumentHeadState.ClientMark")]
public sealed class ClientMark
{
    [Id(0)] public long Seq { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public Instant At { get; set; }
}
