namespace CopLive.Collab.Text;

/// <summary>An operation that is malformed, not normalized, or does not fit the document it is applied to.</summary>
public sealed class InvalidOpException(string message) : Exception(message);
