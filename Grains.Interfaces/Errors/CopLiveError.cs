namespace CopLive.Grains.Errors;

/// <summary>Stable error codes. They are part of the public protocol: clients switch on them, so never renumber or rename.</summary>
[GenerateSerializer, Alias("coplive.ErrorCode")]
public enum CopLiveError
{
    /// <summary>The request itself is malformed or out of range; <see cref="CopLiveException.Field"/> names the field.</summary>
    InvalidArgument = 0,

    /// <summary>The caller is authenticated but may not do this.</summary>
    Forbidden = 1,

    /// <summary>The thing asked for does not exist (or the caller may not know that it exists).</summary>
    NotFound = 2,

    /// <summary>The request conflicts with the current state (for example, creating what already exists).</summary>
    Conflict = 3,

    /// <summary>A document operation is malformed or does not fit the document.</summary>
    InvalidOp = 4,

    /// <summary>The operation's base version is older than the history the server transforms against; resync.</summary>
    TooOld = 5,

    /// <summary>The operation's base version is newer than the document; the client is confused and must resync.</summary>
    NewerThanHead = 6,

    /// <summary>The request or its result would exceed a size limit.</summary>
    TooLarge = 7,

    /// <summary>Too many requests; retry after the delay the message gives.</summary>
    RateLimited = 8,

    /// <summary>The server could not complete the request now (for example a storage write failed); nothing changed, retry.</summary>
    Unavailable = 9,
}
