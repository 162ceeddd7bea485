namespace CopLive.Grains.Ids;

/// <summary>Identifies a person. One member id spans every community that person has joined.</summary>
/// <param name="Value">The member's unique id.</param>
[GenerateSerializer, Immutable, Alias("coplive.MemberId")]
public readonly record struct MemberId([property: Id(0)] Guid Value)
{
    /// <summary>A new, random member id.</summary>
    public static MemberId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
