namespace CopLive.Grains.Ids;

/// <summary>Identifies a co-edited document (a lesson plan, a room's notes).</summary>
/// <param name="Value">The document's unique id.</param>
[GenerateSerializer, Immutable, Alias("coplive.DocumentId")]
public readonly record struct DocumentId([property: Id(0)] Guid Value)
{
    /// <summary>A new, random document id.</summary>
    public static DocumentId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
