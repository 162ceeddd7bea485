using CopLive.Grains.Documents;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>GET /api/documents/{id}/authorship</c>.</summary>
public sealed record AuthorshipResponse(long Version, IReadOnlyList<AuthorSpanResponse> Spans, IReadOnlyList<ContributionResponse> Contributions)
{
    public static AuthorshipResponse From(DocumentAuthorship a) => new(
        a.Version,
        [.. a.Spans.Select(s => new AuthorSpanResponse(s.Author.Value == Guid.Empty ? null : s.Author.Value, s.Length))],
        [.. a.Contributions.Select(c => new ContributionResponse(c.Member.Value, c.Present, c.Inserted, c.Deleted, c.Ops))]);
}

/// <summary>Consecutive code points by one author (null: starting text nobody in particular wrote).</summary>
public sealed record AuthorSpanResponse(Guid? Author, int Length);

/// <summary>One member's contribution.</summary>
public sealed record ContributionResponse(Guid MemberId, long Present, long Inserted, long Deleted, long Ops);

/// <summary>Reply to <c>GET /api/documents/{id}/authors</c>: each member's contribution, most present first.</summary>
public sealed record AuthorsResponse(long Version, IReadOnlyList<ContributionResponse> Authors);
