namespace CopLive.Grains.Errors;

/// <summary>
/// A refusal by a grain: the call changed nothing, and <see cref="Code"/> says why. Gateways map it to
/// HTTP problem details or hub errors; the message is written for the person who made the request.
/// </summary>
[GenerateSerializer, Alias("coplive.CopLiveException")]
public sealed class CopLiveException : Exception
{
    /// <summary>Creates a refusal.</summary>
    /// <param name="code">Why the call was refused.</param>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="field">The request field at fault, in the client's (camelCase) spelling, when one is.</param>
    public CopLiveException(CopLiveError code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Why the call was refused.</summary>
    [Id(0)] public CopLiveError Code { get; }

    /// <summary>The request field at fault, if any.</summary>
    [Id(1)] public string? Field { get; }

    /// <summary>
    /// A value from a request, safe to repeat in a message: quoted, at most 40 characters, control characters and
    /// broken surrogates replaced. Refusals name what was wrong without echoing (or logging) whatever was sent.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "nothing";
        }
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        var clean = new System.Text.StringBuilder(shown.Length + 2).Append('\'');
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]);
            if (paired)
            {
                clean.Append(c).Append(shown[++i]);
            }
            else
            {
                clean.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
            }
        }
        return clean.Append('\'').ToString();
    }

    /// <summary>A refusal for a bad request field.</summary>
    public static CopLiveException Invalid(string field, string message) => new(CopLiveError.InvalidArgument, message, field);

    /// <summary>A refusal because the caller lacks the right.</summary>
    public static CopLiveException Forbidden(string message) => new(CopLiveError.Forbidden, message);

    /// <summary>A refusal because the target does not exist.</summary>
    public static CopLiveException NotFound(string message) => new(CopLiveError.NotFound, message);
}
