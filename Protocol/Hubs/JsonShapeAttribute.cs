namespace CopLive.Protocol.Hubs;

/// <summary>
/// The JSON a hub parameter carries has the shape of <see cref="Shape"/>, though the hub takes it as raw JSON: it
/// reads the value itself, so a malformed one is refused with a message naming what is wrong instead of SignalR's
/// "error binding arguments". Clients send a <see cref="Shape"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class JsonShapeAttribute(Type shape) : Attribute
{
    /// <summary>The type whose JSON the parameter carries.</summary>
    public Type Shape { get; } = shape;
}
