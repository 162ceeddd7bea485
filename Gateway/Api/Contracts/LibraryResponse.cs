using CopLive.Grains.Documents;
using CopLive.Grains.Practice;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>GET /api/communities/{id}/library</c>: documents and meeting records that match, newest first, dates in the community's zone.</summary>
public sealed record LibraryResponse(string TimeZone, IReadOnlyList<LibraryDocumentItem> Documents, IReadOnlyList<SessionListItem> Meetings)
{
    public static LibraryResponse From(LibraryPage page) => new(
        page.TimeZone,
        [.. page.Documents.Select(d => LibraryDocumentItem.From(d.Summary, d.Snippet))],
        [.. page.Meetings.Select(s => SessionListItem.From(s, page.TimeZone))]);
}

/// <summary>A document of the library: <paramref name="SessionId"/> when it belongs to a meeting, <paramref name="Snippet"/> where a text query matched it.</summary>
public sealed record LibraryDocumentItem(Guid Id, string Title, Instant? CreatedAt, IReadOnlyList<string> Tags, Guid? SessionId, string? Snippet)
{
    public static LibraryDocumentItem From(DocumentSummary d, string? snippet = null) => new(
        d.Id.Value, d.Title, d.CreatedAt, d.Tags.IsDefault ? [] : [.. d.Tags], d.Session == default ? null : d.Session.Value, snippet);
}

/// <summary>Body of <c>PUT /api/communities/{id}/library/{documentId}/tags</c>.</summary>
public sealed record TagsBody(IReadOnlyList<string?>? Tags);
