using CopLive.Grains.Ids;

namespace CopLive.Silo.Grains.Invites;

/// <summary>Persisted directory entry of one invite code.</summary>
[GenerateSerializer, Alias("coplive.InviteState")]
public sealed class InviteState
{
    [Id(0)] public CommunityId? Community { get; set; }
}
