namespace CopLive.Grains.Sessions;

/// <summary>The breakout round an agenda phase runs: how many rooms, and how members get into them.</summary>
/// <param name="Rooms">Rooms to open, 1–20; fewer when fewer members are present.</param>
/// <param name="Mode"><see cref="BreakoutMode.Auto"/> (members spread evenly) or <see cref="BreakoutMode.Self"/> (members choose); a phase's rooms are filled as it starts, so never <see cref="BreakoutMode.Manual"/>.</param>
[GenerateSerializer, Immutable, Alias("coplive.PhaseBreakout")]
public sealed record PhaseBreakout(
    [property: Id(0)] int Rooms,
    [property: Id(1)] BreakoutMode Mode = BreakoutMode.Auto);
