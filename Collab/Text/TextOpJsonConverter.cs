using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopLive.Collab.Text;

/// <summary>System.Text.Json converter for <see cref="TextOp"/> in the type's JSON notation (strict on read).</summary>
public sealed class TextOpJsonConverter : JsonConverter<TextOp>
{
    /// <inheritdoc />
    public override TextOp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return TextOpJson.Parse(document.RootElement);
        }
        catch (InvalidOpException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TextOp value, JsonSerializerOptions options) => TextOpJson.Write(writer, value);
}
