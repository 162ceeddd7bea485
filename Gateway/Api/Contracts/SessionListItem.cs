using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>
/// A session in a list. <c>localStart</c>/<c>localEnd</c> are in the zone the list is rendered for (the reader's
/// own for <c>/api/me/sessions</c>, the community's otherwise); <c>scheduledStart</c> is as the facilitator set it.
/// </summary>
public sealed record SessionListItem(
    Guid Id,
    Guid CommunityId,
    string? CommunityName,
    string Title,
    SessionStatus Status,
    Instant Start,
    Instant End,
    string LocalStart,
    string LocalEnd,
    string ScheduledStart,
    string ScheduledTimeZone)
{
    public static SessionListItem From(SessionSummary s, string zoneId, string? communityName = null) => new(
        s.Id.Value, s.Community.Value, communityName, s.Title, s.Status, s.Start, s.End,
        TimeText.InZone(s.Start, zoneId), TimeText.InZone(s.End, zoneId),
        TimeText.Local(s.LocalStart), s.TimeZone);
}
