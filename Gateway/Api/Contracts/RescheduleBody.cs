namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>PUT /api/sessions/{id}/schedule</c>: a new wall-clock start in the session's zone, and optionally a new length.</summary>
/// <param name="Start">For example <c>2026-12-08T16:00</c>.</param>
/// <param name="DurationMinutes">The new length; the old one when left out.</param>
public sealed record RescheduleBody(string? Start, int? DurationMinutes = null);
