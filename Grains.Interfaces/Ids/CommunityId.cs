namespace CopLive.Grains.Ids;

/// <summary>Identifies a community (a PLC). The value is the key of its <see cref="Communities.ICommunityGrain"/>.</summary>
/// <param name="Value">The community's unique id.</param>
[GenerateSerializer, Immutable, Alias("coplive.CommunityId")]
public readonly record struct CommunityId([property: Id(0)] Guid Value)
{
    /// <summary>A new, random community id.</summary>
    public static CommunityId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
