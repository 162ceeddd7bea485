using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>Validation of new documents.</summary>
internal static class DocumentRules
{
    public static DocumentSetup Setup(CommunityId community, NewDocument request, MemberId createdBy, Instant now)
    {
        var title = Require.Text("title", request.Title, Limits.NameLength);
        var text = request.Text ?? "";
        if (!CodePoints.TryCount(text, out var length))
        {
            throw CopLiveException.Invalid("text", "'text' contains ill-formed UTF-16 (a lone surrogate).");
        }
        if (length > DocumentLimits.MaxLength)
        {
            throw new CopLiveException(CopLiveError.TooLarge, $"'text' may have at most {DocumentLimits.MaxLength} characters; it has {length}.", "text");
        }
        return new DocumentSetup(community, title, text, createdBy, now);
    }
}
