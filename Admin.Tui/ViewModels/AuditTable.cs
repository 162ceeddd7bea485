using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;
using NodaTime;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>The Audit screen's table, newest first.</summary>
public static class AuditTable
{
    public static TableModel Build(IReadOnlyList<AuditRow> entries, Instant now, DateTimeZone zone) => new(
        ["When", "Community", "Who", "Action", "Target", "Detail", "Reason", "Outcome"],
        [.. entries.Select(e => new TableRow(e.CommunityId,
            [Countdown.Local(e.At, zone, now, seconds: true), e.Community, e.Actor, e.Action, e.Target ?? "", e.Detail ?? "", e.Reason ?? "", e.Outcome],
            e.Id))]);
}
