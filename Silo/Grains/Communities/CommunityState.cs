using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>Persisted state of a community.</summary>
[GenerateSerializer, Alias("coplive.CommunityState")]
public sealed class CommunityState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public string TimeZone { get; set; } = "";
    [Id(4)] public Instant CreatedAt { get; set; }
    [Id(5)] public List<MemberEntry> Members { get; set; } = [];
    [Id(6)] public List<InviteEntry> Invites { get; set; } = [];
    [Id(7)] public List<SessionSummary> Sessions { get; set; } = [];
    [Id(8)] public List<DocumentSummary> Documents { get; set; } = [];

    /// <summary>The newest audit entries (see <see cref="CopLive.Silo.Domain.Communities.AuditLog.Kept"/>).</summary>
    [Id(9)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(10)] public long NextAuditId { get; set; }

    /// <summary>Banned people: they are not members and no invite lets them back.</summary>
    [Id(11)] public List<MemberId> Banned { get; set; } = [];

    /// <summary>The community's own protocol templates (the built-in ones are not stored).</summary>
    [Id(12)] public List<ProtocolTemplate> Templates { get; set; } = [];

    /// <summary>The community's recurring meetings.</summary>
    [Id(13)] public List<SeriesId> Series { get; set; } = [];

    /// <summary>Who each ban took out, by name and when, for the owners' list (bans in <see cref="Banned"/> from before it have none).</summary>
    [Id(14)] public List<BannedMember> BanDetails { get; set; } = [];

    public MemberEntry? FindMember(MemberId member) => Members.Find(m => m.Member == member);
}

/// <summary>A member of the community. The display name is copied from the profile so listings need no fan-out.</summary>
[GenerateSerializer, Alias("coplive.CommunityState.Member")]
public sealed class MemberEntry
{
    [Id(0)] public MemberId Member { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public CommunityRole Role { get; set; }
    [Id(3)] public Instant JoinedAt { get; set; }

    /// <summary>Hash of the invite code they first joined with.</summary>
    [Id(4)] public string? JoinedWith { get; set; }
}

/// <summary>An invite code as stored: its hash only, never the code.</summary>
[GenerateSerializer, Alias("coplive.CommunityState.Invite")]
public sealed class InviteEntry
{
    [Id(0)] public CommunityRole Role { get; set; }
    [Id(1)] public string Hash { get; set; } = "";
    [Id(2)] public Instant CreatedAt { get; set; }
    [Id(3)] public Instant? RevokedAt { get; set; }

    /// <summary>After this the code no longer admits anyone.</summary>
    [Id(4)] public Instant? ExpiresAt { get; set; }
}
