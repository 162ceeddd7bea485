using CopLive.Grains.Documents;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>A document's text at a version (<see cref="HeadVersion"/> is the newest).</summary>
public sealed record DocumentResponse(Guid Id, Guid CommunityId, string Title, long Version, long HeadVersion, string Text, bool Locked)
{
    public static DocumentResponse From(DocumentView d) => new(d.Id.Value, d.Community.Value, d.Title, d.Version, d.HeadVersion, d.Text, d.Locked);
}
