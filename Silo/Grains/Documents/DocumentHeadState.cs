using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// A document's identity, settings, archive boundary and the last stored op of each client (for dedupe across
/// restarts). Written when ops are archived and when a setting changes; the ops themselves go to
/// <see cref="DocumentTail"/>. Its size is bounded by the number of active clients, never by the text or the history.
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
    // Id 6 held unarchived ops in pre-release builds; never reuse it.
    [Id(7)] public Dictionary<string, StoredClientMark> Clients { get; set; } = [];
    [Id(8)] public bool Locked { get; set; }

    /// <summary>The session this document belongs to (its lesson plan or a room's notes), if any.</summary>
    [Id(9)] public SessionId Session { get; set; }

    /// <summary>Members whose edits are refused (muted in the session).</summary>
    [Id(10)] public List<Guid> Muted { get; set; } = [];
}

/// <summary>The last op a client submitted and the version it got.</summary>
[GenerateSerializer, Alias("coplive.DocumentHeadState.ClientMark")]
public sealed class StoredClientMark
{
    [Id(0)] public long Seq { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public Instant At { get; set; }
}
