using NodaTime;

namespace CopLive.Silo.Domain.Documents;

/// <summary>The last op a client submitted, as the head stores it for dedupe across restarts.</summary>
/// <param name="ClientId">The client (a browser tab, a .NET client, or <c>merge:…</c> for a merged section).</param>
/// <param name="Seq">Its sequence number.</param>
/// <param name="Version">The version the op was given.</param>
/// <param name="At">When it was committed: marks idle for long are forgotten.</param>
public sealed record ClientMark(string ClientId, long Seq, long Version, Instant At);
