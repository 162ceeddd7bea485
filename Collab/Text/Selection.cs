namespace CopLive.Collab.Text;

/// <summary>A cursor or selection in code points. <see cref="Head"/> may be before <see cref="Anchor"/>.</summary>
/// <param name="Anchor">Where the selection started.</param>
/// <param name="Head">Where the caret is.</param>
public readonly record struct Selection(int Anchor, int Head);
