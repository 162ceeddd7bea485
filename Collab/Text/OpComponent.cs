namespace CopLive.Collab.Text;

/// <summary>
/// One component of a text operation: a skip <c>n</c>, an insert <c>"s"</c>, or a delete <c>{"d": n}</c> /
/// <c>{"d": "s"}</c>. Lengths count Unicode code points and are always at least 1.
/// </summary>
public readonly struct OpComponent : IEquatable<OpComponent>
{
    private OpComponent(ComponentKind kind, int length, string? text)
    {
        Kind = kind;
        Length = length;
        Text = text;
    }

    /// <summary>Skip, insert or delete.</summary>
    public ComponentKind Kind { get; }

    /// <summary>Code points skipped, inserted or deleted.</summary>
    public int Length { get; }

    /// <summary>The inserted text, or the deleted text of a string-form delete; null otherwise.</summary>
    public string? Text { get; }

    /// <summary>True for a delete that names the text it removes.</summary>
    public bool IsDeleteWithText => Kind == ComponentKind.Delete && Text is not null;

    /// <summary>Keep <paramref name="count"/> code points.</summary>
    public static OpComponent Skip(int count) =>
        count >= 1 ? new(ComponentKind.Skip, count, null) : throw new InvalidOpException($"A skip must be at least 1; it was {count}.");

    /// <summary>Insert <paramref name="text"/> (non-empty, well-formed UTF-16).</summary>
    public static OpComponent Insert(string text) => new(ComponentKind.Insert, CheckedLength(text, "An insert"), text);

    /// <summary>Delete <paramref name="count"/> code points.</summary>
    public static OpComponent Delete(int count) =>
        count >= 1 ? new(ComponentKind.Delete, count, null) : throw new InvalidOpException($"A delete must be at least 1; it was {count}.");

    /// <summary>Delete exactly <paramref name="text"/>, which must be what the document holds there.</summary>
    public static OpComponent Delete(string text) => new(ComponentKind.Delete, CheckedLength(text, "A delete"), text);

    /// <summary>A component whose text is already known to be well-formed with this length.</summary>
    internal static OpComponent Trusted(ComponentKind kind, int length, string? text) => new(kind, length, text);

    private static int CheckedLength(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!CodePoints.TryCount(text, out var length))
        {
            throw new InvalidOpException($"{what} contains ill-formed UTF-16 (a lone surrogate).");
        }
        return length > 0 ? length : throw new InvalidOpException($"{what} must not be empty.");
    }

    /// <inheritdoc />
    public bool Equals(OpComponent other) => Kind == other.Kind && Length == other.Length && Text == other.Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpComponent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Length, Text);

    /// <summary>Component equality.</summary>
    public static bool operator ==(OpComponent left, OpComponent right) => left.Equals(right);

    /// <summary>Component inequality.</summary>
    public static bool operator !=(OpComponent left, OpComponent right) => !left.Equals(right);

    /// <summary>The component in the type's JSON notation.</summary>
    public override string ToString() => Kind switch
    {
        ComponentKind.Skip => Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ComponentKind.Insert => System.Text.Json.JsonSerializer.Serialize(Text),
        _ => Text is null ? $"{{\"d\":{Length}}}" : $"{{\"d\":{System.Text.Json.JsonSerializer.Serialize(Text)}}}",
    };
}
