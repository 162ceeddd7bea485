namespace CopLive.Grains.Documents;

/// <summary>What a member supplies to create a document.</summary>
/// <param name="Title">1–200 characters.</param>
/// <param name="Text">Starting text (version 0), Markdown; may be empty.</param>
[GenerateSerializer, Immutable, Alias("coplive.NewDocument")]
public sealed record NewDocument([property: Id(0)] string Title, [property: Id(1)] string? Text);
