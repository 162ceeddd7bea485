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
}
