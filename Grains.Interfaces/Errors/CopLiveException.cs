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

    /// <summary>A refusal for a bad request field.</summary>
    public static CopLiveException Invalid(string field, string message) => new(CopLiveError.InvalidArgument, message, field);

    /// <summary>A refusal because the caller lacks the right.</summary>
    public static CopLiveException Forbidden(string message) => new(CopLiveError.Forbidden, message);

    /// <summary>A refusal because the target does not exist.</summary>
    public static CopLiveException NotFound(string message) => new(CopLiveError.NotFound, message);
}
