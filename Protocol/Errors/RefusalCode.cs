namespace CopLive.Protocol.Errors;

/// <summary>
/// Why a call was refused. A hub refusal's message is <c>"Code: human message"</c> and a REST problem carries
/// <c>code</c>; clients switch on these names, so they are never renamed.
/// </summary>
public enum RefusalCode
{
    /// <summary>The request itself is malformed or out of range; the message names the field.</summary>
    InvalidArgument,

    /// <summary>The caller is authenticated but may not do this.</summary>
    Forbidden,

    /// <summary>The thing asked for does not exist (or the caller may not know that it exists).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state.</summary>
    Conflict,

    /// <summary>A document operation is malformed or does not fit the document.</summary>
    InvalidOp,

    /// <summary>The operation's base version is older than the history the server transforms against; resync.</summary>
    TooOld,

    /// <summary>The operation's base version is newer than the document; resync.</summary>
    NewerThanHead,

    /// <summary>The request or its result would exceed a size limit.</summary>
    TooLarge,

    /// <summary>Too many requests; retry after a short delay.</summary>
    RateLimited,

    /// <summary>The server could not complete the request now; nothing changed, retry.</summary>
    Unavailable,
}
