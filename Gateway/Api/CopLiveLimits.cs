namespace CopLive.Gateway.Api;

/// <summary>Limits the gateway enforces on requests.</summary>
internal static class CopLiveLimits
{
    /// <summary>REST bodies are small JSON documents; anything bigger is a mistake or abuse.</summary>
    public const long RequestBodyBytes = 64 * 1024;

    /// <summary>Largest hub message: room for an op inserting the most text one op may insert.</summary>
    public const long HubMessageBytes = 512 * 1024;
}
