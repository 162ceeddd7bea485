namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/communities/{id}/documents</c>.</summary>
public sealed record CreateDocumentBody(string? Title, string? Text);
