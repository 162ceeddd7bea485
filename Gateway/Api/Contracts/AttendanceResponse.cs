using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>One stretch of a member's presence in a session (<see cref="Left"/> null while present).</summary>
public sealed record AttendanceResponse(Guid MemberId, string DisplayName, Instant Joined, Instant? Left);
