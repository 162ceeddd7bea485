using System.Collections.Immutable;
using CopLive.Grains.Documents;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Practice;

/// <summary>
/// What a community's library holds that matches a query: its documents (newest first) and its ended meetings'
/// records (newest first), with the community's zone, in which the query's days were read.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.LibraryPage")]
public sealed record LibraryPage(
    [property: Id(0)] ImmutableArray<LibraryDocument> Documents,
    [property: Id(1)] ImmutableArray<SessionSummary> Meetings,
    [property: Id(2)] string TimeZone);

/// <summary>A document of the library, with the passage that matched a text query.</summary>
[GenerateSerializer, Immutable, Alias("coplive.LibraryDocument")]
public sealed record LibraryDocument(
    [property: Id(0)] DocumentSummary Summary,
    [property: Id(1)] string? Snippet);
