namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/communities/{id}/templates</c>: an agenda given here, or the agenda of one of the community's sessions.</summary>
/// <param name="Name">The template's name, unique in the community.</param>
/// <param name="Description">What the protocol is for.</param>
/// <param name="Agenda">Its phases; leave out when giving <paramref name="SessionId"/>.</param>
/// <param name="SessionId">A session of this community whose agenda to save.</param>
public sealed record SaveTemplateBody(string? Name, string? Description, IReadOnlyList<AgendaItemBody?>? Agenda, Guid? SessionId = null);
