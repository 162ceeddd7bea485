namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// An archived history segment of a document, keyed <c>{documentId}/{index}</c>. Written once (writing the same
/// segment again is harmless), read when an old version or old ops are asked for. Only document grains use it.
/// </summary>
[Alias("coplive.IDocumentHistoryGrain")]
internal interface IDocumentHistoryGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task StoreAsync(DocumentSegment segment);

    [Alias("Get")]
    Task<DocumentSegment?> GetAsync();
}
