namespace CopLive.Grains.Communities;

/// <summary>What an invite code opens: the community it joins and the role it grants.</summary>
[GenerateSerializer, Immutable, Alias("coplive.InvitePreview")]
public sealed record InvitePreview(
    [property: Id(0)] string CommunityName,
    [property: Id(1)] CommunityRole Role);
