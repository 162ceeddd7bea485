using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Communities;

/// <summary>One line of a community's audit log: who did what to whom, why, and whether it was allowed.</summary>
/// <param name="Id">Increasing number within the community.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who acted (default for the administrator).</param>
/// <param name="ActorName">Their name, or "admin".</param>
/// <param name="Action">What, e.g. <c>role.changed</c>, <c>invite.rotated</c>.</param>
/// <param name="Target">Whom it concerned, if a member.</param>
/// <param name="TargetName">Their name.</param>
/// <param name="Detail">What changed, e.g. <c>member → facilitator</c>.</param>
/// <param name="Reason">The reason the actor gave.</param>
/// <param name="Outcome"><c>done</c>, or <c>refused</c> for a privileged call that was denied.</param>
[GenerateSerializer, Immutable, Alias("coplive.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] Instant At,
    [property: Id(2)] MemberId Actor,
    [property: Id(3)] string ActorName,
    [property: Id(4)] string Action,
    [property: Id(5)] MemberId? Target,
    [property: Id(6)] string? TargetName,
    [property: Id(7)] string? Detail,
    [property: Id(8)] string? Reason,
    [property: Id(9)] string Outcome);
