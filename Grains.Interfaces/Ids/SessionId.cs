namespace CopLive.Grains.Ids;

/// <summary>Identifies one scheduled meeting of a community.</summary>
/// <param name="Value">The session's unique id.</param>
[GenerateSerializer, Immutable, Alias("coplive.SessionId")]
public readonly record struct SessionId([property: Id(0)] Guid Value)
{
    /// <summary>A new, random session id.</summary>
    public static SessionId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
