using CopLive.Grains.Documents;

namespace CopLive.Gateway.Hubs;

/// <summary>From grain messages to the hub's wire messages.</summary>
internal static class LiveMessageMapping
{
    public static OpMessage ToMessage(this CommittedOp op) => new(op.Version, op.Op, op.Author.Value, op.ClientId, op.Seq);

    public static CursorMessage ToMessage(this DocumentCursor c) => new(c.Member.Value, c.DisplayName, c.ClientId, c.Anchor, c.Head);
}
