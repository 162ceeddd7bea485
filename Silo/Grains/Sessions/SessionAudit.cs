using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// What a session writes in its community's audit log, under its title: the attempt a refusal records (written by the
/// <see cref="Gatekeeper"/>), and each facilitator's command that took effect.
/// </summary>
internal sealed class SessionAudit(IGrainFactory grains, SessionPlan plan)
{
    /// <summary>The attempt a refusal of <paramref name="action"/> records.</summary>
    public Attempt Attempt(string action, MemberId? target = null) => new(action, target, plan.Title);

    /// <summary>Records a command that took effect; <paramref name="plainTitle"/> leaves its detail out of the entry.</summary>
    public Task RecordAsync(Caller caller, string action, AuditNote note, bool plainTitle = false) =>
        grains.GetCommunityInternal(plan.Community).RecordAsync(caller, action, note.Target,
            note.Detail is null || plainTitle ? plan.Title : $"{plan.Title}: {note.Detail}", note.Reason, AuditOutcomes.Done);
}

/// <summary>What a command that took effect writes in the audit log beside its action.</summary>
internal sealed record AuditNote(MemberId? Target = null, string? Detail = null, string? Reason = null);
