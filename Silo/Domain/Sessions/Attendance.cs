using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Domain.Sessions;

/// <summary>
/// Who is at a live session and the record of it. Presence (each member's open connections) is transient; the
/// attendance records it keeps are the session's state. A member whose connections all drop still counts as present
/// for <see cref="ReconnectGrace"/> (a page reload, a Wi-Fi blip): coming back within it continues the same stretch.
/// </summary>
public sealed class Attendance(List<AttendanceRecord> records)
{
    /// <summary>How long a member whose connections all dropped still counts as present.</summary>
    public static readonly Duration ReconnectGrace = Duration.FromSeconds(10);

    private readonly Dictionary<MemberId, Presence> _present = [];

    /// <summary>Everyone present (within the grace included), by name.</summary>
    public ImmutableArray<Participant> Participants =>
        [.. _present.Values.Select(p => new Participant(p.Member.Member, p.Member.DisplayName, p.Member.Role)).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)];

    /// <summary>Every stretch of presence, in order.</summary>
    public ImmutableArray<AttendanceRecord> Records => [.. records];

    /// <summary>
    /// After a restart, who was connected is unknown: everyone still marked present gets the grace to reconnect, and
    /// those who do not are recorded as having left at <paramref name="now"/>.
    /// </summary>
    public void Resume(Instant now)
    {
        foreach (var open in records.Where(a => a.Left is null))
        {
            _present[open.Member] = new Presence(new CommunityMember(open.Member, open.DisplayName, CommunityRole.Member, open.Joined)) { GoneSince = now };
        }
    }

    /// <summary>A connection of <paramref name="member"/> joins; returns what that changed.</summary>
    public Arrival Join(CommunityMember member, string connectionId, Instant now)
    {
        if (_present.TryGetValue(member.Member, out var presence))
        {
            presence.Member = member;
            presence.Connections.Add(connectionId);
            if (presence.GoneSince is null)
            {
                return Arrival.AlreadyHere;
            }
            presence.GoneSince = null;
            return Arrival.Returned;
        }
        _present[member.Member] = new Presence(member) { Connections = { connectionId } };
        records.Add(new AttendanceRecord(member.Member, member.DisplayName, now, null));
        return Arrival.Arrived;
    }

    /// <summary>A connection leaves; true when it was the member's last, so the grace starts now.</summary>
    public bool Leave(MemberId member, string connectionId, Instant now)
    {
        if (!_present.TryGetValue(member, out var presence) || !presence.Connections.Remove(connectionId) || presence.Connections.Count > 0)
        {
            return false;
        }
        presence.GoneSince = now;
        return true;
    }

    /// <summary>Whether the member is present (within the grace included).</summary>
    public bool IsPresent(MemberId member) => _present.ContainsKey(member);

    /// <summary>Members connected now, below <paramref name="role"/>, in the order they first arrived.</summary>
    public IReadOnlyList<MemberId> HereBelow(CommunityRole role) =>
        [.. _present.Values
            .Where(p => p.GoneSince is null && p.Member.Role < role)
            .Select(p => p.Member.Member)
            .OrderBy(m => records.FindIndex(a => a.Member == m))];

    /// <summary>Each member's name as last recorded.</summary>
    public IReadOnlyDictionary<MemberId, string> Names() =>
        records.GroupBy(a => a.Member).ToDictionary(g => g.Key, g => g.Last().DisplayName);

    /// <summary>Ends the stretches of members gone longer than the grace, as of when they went; true if any ended.</summary>
    public bool CloseExpired(Instant now)
    {
        var expired = _present.Where(p => p.Value.GoneSince is { } gone && now - gone >= ReconnectGrace).ToList();
        foreach (var (member, presence) in expired)
        {
            Close(member, presence.GoneSince!.Value);
            _present.Remove(member);
        }
        return expired.Count > 0;
    }

    /// <summary>Takes a member out now (removed from the session); true if they were present.</summary>
    public bool Remove(MemberId member, Instant now)
    {
        if (!_present.Remove(member))
        {
            return false;
        }
        Close(member, now);
        return true;
    }

    /// <summary>The session ended: every open stretch ends, at the moment its member left or now.</summary>
    public void EndAll(Instant now)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Left is null)
            {
                records[i] = records[i] with { Left = _present.GetValueOrDefault(records[i].Member)?.GoneSince ?? now };
            }
        }
        _present.Clear();
    }

    private void Close(MemberId member, Instant left)
    {
        var index = records.FindLastIndex(a => a.Member == member && a.Left is null);
        if (index >= 0)
        {
            records[index] = records[index] with { Left = left };
        }
    }

    private sealed class Presence(CommunityMember member)
    {
        public CommunityMember Member { get; set; } = member;
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
        public Instant? GoneSince { get; set; }
    }
}
