using CopLive.Grains.Documents;
using CopLive.Grains.Security;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// A document as other grains of the silo see it: created by its community or session, fed merged notes, told of mutes
/// and of rights that changed. Internal to the silo: the gateway cannot reach these calls, which trust their caller to
/// be a grain that already checked the person behind the request.
/// </summary>
[Alias("coplive.IDocumentGrainInternal")]
internal interface IDocumentGrainInternal : IGrainWithGuidKey
{
    /// <summary>Creates the document (called by its community, which checked the caller's right).</summary>
    [Alias("Initialize")]
    Task<DocumentView> InitializeAsync(DocumentSetup setup);

    /// <summary>
    /// Appends a section of text whose characters keep the given authors (breakout notes merged into a lesson
    /// plan). Called by other grains; <paramref name="key"/> makes it idempotent: the same key never appends twice.
    /// </summary>
    [Alias("AppendSection")]
    Task<long> AppendSectionAsync(string key, string text, System.Collections.Immutable.ImmutableArray<AuthorSpan> authors);

    /// <summary>Who wrote what, as spans over the current text (for merging a document elsewhere with its authors).</summary>
    [Alias("GetTextWithAuthors")]
    Task<AuthoredText> GetTextWithAuthorsAsync();

    /// <summary>Refuses (or again accepts) a member's edits; called by the session that muted them.</summary>
    [Alias("SetMuted")]
    Task SetMutedAsync(CopLive.Grains.Ids.MemberId member, bool muted);

    /// <summary>Drops what the document remembers of a member's rights, so a ban or role change applies to the next call.</summary>
    [Alias("ForgetMember")]
    Task ForgetMemberAsync(CopLive.Grains.Ids.MemberId member);
}
