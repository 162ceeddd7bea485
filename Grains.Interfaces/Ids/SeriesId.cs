namespace CopLive.Grains.Ids;

/// <summary>Identifies a community's recurring meeting: a series of sessions on a weekly rhythm.</summary>
/// <param name="Value">The series' unique id.</param>
[GenerateSerializer, Immutable, Alias("coplive.SeriesId")]
public readonly record struct SeriesId([property: Id(0)] Guid Value)
{
    /// <summary>A new, random series id.</summary>
    public static SeriesId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
