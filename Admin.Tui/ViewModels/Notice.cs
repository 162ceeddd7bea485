namespace CopLive.Admin.Tui.ViewModels;

/// <summary>A box shown over the screen until Enter or Esc: a refusal from the server, or the keys of the screen.</summary>
public sealed record Notice(string Title, IReadOnlyList<string> Lines);
