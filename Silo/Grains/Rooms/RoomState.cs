using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;

namespace CopLive.Silo.Grains.Rooms;

/// <summary>Persisted state of a room. The chat keeps its newest messages only (see <see cref="RoomGrain.ChatHistory"/>).</summary>
[GenerateSerializer, Alias("coplive.RoomState")]
public sealed class RoomState
{
    [Id(0)] public RoomSetup? Setup { get; set; }
    [Id(1)] public List<MemberId> Members { get; set; } = [];
    [Id(2)] public List<ChatMessage> Chat { get; set; } = [];
    [Id(3)] public List<RaisedHand> Hands { get; set; } = [];
    [Id(4)] public List<HelpRequest> Help { get; set; } = [];
    [Id(5)] public bool Closed { get; set; }
    [Id(6)] public long Seq { get; set; }
    [Id(7)] public long NextId { get; set; }

    /// <summary>Members whose chat is refused (muted in the session).</summary>
    [Id(8)] public List<MemberId> Muted { get; set; } = [];

    /// <summary>Members removed from the session: they may no longer take part here (chat, hands, help).</summary>
    [Id(9)] public List<MemberId> Removed { get; set; } = [];
}
