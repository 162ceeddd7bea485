using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CopLive.Collab.Text;

/// <summary>
/// The JSON form of ops: an array whose items are a skip (integer ≥ 1), an insert (non-empty string) or a delete
/// (<c>{"d": integer ≥ 1}</c> or <c>{"d": "non-empty string"}</c>). Parsing is strict: anything else, or an op that is
/// not normalized, is refused with a message naming the offending item.
/// </summary>
public static class TextOpJson
{
    /// <summary>Reads an op.</summary>
    /// <exception cref="InvalidOpException">The JSON is not a normalized op.</exception>
    public static TextOp Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOpException("An op must be a JSON array of components.");
        }

        var components = new OpComponent[json.GetArrayLength()];
        var i = 0;
        foreach (var item in json.EnumerateArray())
        {
            components[i] = ParseComponent(item, i);
            i++;
        }
        return TextOp.Create(components);
    }

    /// <summary>Reads an op from JSON text.</summary>
    /// <exception cref="InvalidOpException">The text is not JSON, or not a normalized op.</exception>
    public static TextOp Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidOpException($"The op is not valid JSON: {e.Message}");
        }
    }

    private const int MaxKeptBuffer = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    // Ops carry people's text: keep it readable (é, 😀) rather than \u-escaped; this is JSON, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes an op.</summary>
    public static void Write(Utf8JsonWriter writer, TextOp op)
    {
        writer.WriteStartArray();
        foreach (var c in op.Components)
        {
            switch (c.Kind)
            {
                case ComponentKind.Skip:
                    writer.WriteNumberValue(c.Length);
                    break;
                case ComponentKind.Insert:
                    writer.WriteStringValue(c.Text);
                    break;
                default:
                    writer.WriteStartObject();
                    if (c.Text is null)
                    {
                        writer.WriteNumber("d", c.Length);
                    }
                    else
                    {
                        writer.WriteString("d", c.Text);
                    }
                    writer.WriteEndObject();
                    break;
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>The op as JSON text.</summary>
    public static string Serialize(TextOp op)
    {
        // The server serializes every op it stores; a writer and buffer kept per thread leave the string as the
        // only allocation. A buffer a very large op grew is let go rather than held for the thread's life.
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(256);
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, op);
        writer.Flush();
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBuffer)
        {
            (_threadBuffer, _threadWriter) = (null, null);
        }
        return json;
    }

    private static OpComponent ParseComponent(JsonElement item, int index)
    {
        try
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Number:
                    return OpComponent.Skip(Count(item, $"op[{index}]"));
                case JsonValueKind.String:
                    return OpComponent.Insert(Text(item, $"op[{index}]"));
                case JsonValueKind.Object:
                    JsonElement? d = null;
                    foreach (var property in item.EnumerateObject())
                    {
                        if (property.Name != "d" || d is not null)
                        {
                            throw new InvalidOpException($"op[{index}]: a delete is exactly {{\"d\": count}} or {{\"d\": \"text\"}}; '{property.Name}' is not allowed.");
                        }
                        d = property.Value;
                    }
                    return d switch
                    {
                        { ValueKind: JsonValueKind.Number } count => OpComponent.Delete(Count(count, $"op[{index}].d")),
                        { ValueKind: JsonValueKind.String } text => OpComponent.Delete(Text(text, $"op[{index}].d")),
                        _ => throw new InvalidOpException($"op[{index}]: a delete needs \"d\": a count or the deleted text."),
                    };
                default:
                    throw new InvalidOpException($"op[{index}] must be a number (skip), a string (insert) or {{\"d\": …}} (delete); it is {item.ValueKind}.");
            }
        }
        catch (InvalidOpException e) when (!e.Message.StartsWith("op[", StringComparison.Ordinal))
        {
            throw new InvalidOpException($"op[{index}]: {e.Message}");
        }
    }

    private static int Count(JsonElement number, string where) =>
        number.TryGetInt32(out var value) && value >= 1
            ? value
            : throw new InvalidOpException($"{where} must be an integer of at least 1; it is {number.GetRawText()}.");

    private static string Text(JsonElement text, string where)
    {
        try
        {
            return text.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOpException($"{where} contains ill-formed UTF-16 (a lone surrogate).");
        }
    }
}
