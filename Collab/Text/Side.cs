namespace CopLive.Collab.Text;

/// <summary>Which of two concurrent inserts at the same position goes first.</summary>
public enum Side
{
    /// <summary>The op being transformed wins ties: its insert goes first.</summary>
    Left,

    /// <summary>The other op wins ties.</summary>
    Right,
}
