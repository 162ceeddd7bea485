namespace CopLive.Protocol.Sessions;

/// <summary>How members get into breakout rooms.</summary>
public enum BreakoutMode
{
    /// <summary>Balanced automatically; late joiners go to the smallest room.</summary>
    Auto,

    /// <summary>The facilitator assigns everyone.</summary>
    Manual,

    /// <summary>Members choose their room.</summary>
    Self,
}
