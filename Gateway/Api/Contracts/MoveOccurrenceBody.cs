namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>PUT /api/series/{id}/occurrences/{index}</c>: the meeting's new wall-clock start in the series' zone.</summary>
/// <param name="Start">For example <c>2026-12-08T16:00</c>.</param>
public sealed record MoveOccurrenceBody(string? Start);
