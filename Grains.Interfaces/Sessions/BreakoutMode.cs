namespace CopLive.Grains.Sessions;

/// <summary>How members get into breakout rooms.</summary>
[GenerateSerializer, Alias("coplive.BreakoutMode")]
public enum BreakoutMode
{
    /// <summary>Balanced automatically; late joiners go to the smallest room.</summary>
    Auto = 0,

    /// <summary>The facilitator assigns everyone.</summary>
    Manual = 1,

    /// <summary>Members choose their room.</summary>
    Self = 2,
}
