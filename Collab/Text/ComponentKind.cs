namespace CopLive.Collab.Text;

/// <summary>What an operation component does at the current position.</summary>
public enum ComponentKind : byte
{
    /// <summary>Keep the next N code points.</summary>
    Skip,

    /// <summary>Insert text.</summary>
    Insert,

    /// <summary>Remove the next N code points (optionally naming them, which makes the op invertible).</summary>
    Delete,
}
