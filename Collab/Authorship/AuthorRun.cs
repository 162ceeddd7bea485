namespace CopLive.Collab.Authorship;

/// <summary>A stretch of consecutive code points written by one author.</summary>
/// <param name="Author">Who wrote them (<see cref="Guid.Empty"/> for text nobody in particular wrote, such as a document's starting text).</param>
/// <param name="Length">How many code points, at least 1.</param>
public readonly record struct AuthorRun(Guid Author, int Length);
