using CopLive.Gateway.Wire;
using CopLive.Grains.Practice;
using CopLive.Protocol.Sessions;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>A protocol template a session can be scheduled from.</summary>
public sealed record TemplateResponse(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<AgendaPhase> Agenda,
    int TotalMinutes,
    bool BuiltIn,
    Guid? CreatedBy,
    Instant? CreatedAt)
{
    public static TemplateResponse From(ProtocolTemplate t) => new(
        t.Id, t.Name, t.Description, [.. t.Agenda.Select(a => a.ToWire())], t.TotalMinutes, t.BuiltIn,
        t.BuiltIn ? null : t.CreatedBy.Value, t.CreatedAt);
}
