using System.Collections.Immutable;
using CopLive.Gateway.Api.Contracts;
using CopLive.Gateway.Wire;
using CopLive.Grains.Errors;
using CopLive.Grains.Sessions;
using WireBreakoutMode = CopLive.Protocol.Sessions.BreakoutMode;

namespace CopLive.Gateway.Api;

/// <summary>An agenda as REST bodies give it, in the grains' terms; the grains check every field's value.</summary>
internal static class AgendaInput
{
    public static ImmutableArray<AgendaItem> ToAgenda(IReadOnlyList<AgendaItemBody?>? items) =>
        [.. (items ?? []).Select((item, i) => new AgendaItem(
            item?.Title ?? "",
            item?.Minutes ?? throw CopLiveException.Invalid($"agenda[{i}].minutes", $"'agenda[{i}].minutes' is required."),
            item.SpeakingRule,
            item.Prompt,
            item.Breakout is { } breakout
                ? new PhaseBreakout(
                    breakout.Rooms ?? throw CopLiveException.Invalid($"agenda[{i}].breakout.rooms", $"'agenda[{i}].breakout.rooms' is required."),
                    (breakout.Assignment ?? WireBreakoutMode.Auto).ToGrain())
                : null))];
}
