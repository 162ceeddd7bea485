namespace CopLive.Gateway.Api.Contracts;

/// <summary>
/// Body of <c>PUT /api/sessions/{id}/schedule</c>: what changes in a scheduled session — a new wall-clock start in
/// its zone, length, title or agenda; what is left out stays (at least one is needed). A series' occurrence is moved
/// with <c>start</c> alone.
/// </summary>
/// <param name="Start">For example <c>2026-12-08T16:00</c>.</param>
/// <param name="DurationMinutes">The new length.</param>
/// <param name="Title">The new title.</param>
/// <param name="Agenda">The new agenda, whole.</param>
public sealed record RescheduleBody(string? Start, int? DurationMinutes = null, string? Title = null, IReadOnlyList<AgendaItemBody?>? Agenda = null);
