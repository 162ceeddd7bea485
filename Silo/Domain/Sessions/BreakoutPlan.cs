using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;

namespace CopLive.Silo.Domain.Sessions;

/// <summary>A facilitator's request for a breakout round, checked: the rooms' names, its length, and who goes where.</summary>
/// <param name="Names">One name per room.</param>
/// <param name="Minutes">How long the round lasts.</param>
/// <param name="Placement">Member → room index; empty in a self-select round.</param>
public sealed record BreakoutPlan(IReadOnlyList<string> Names, int Minutes, IReadOnlyDictionary<MemberId, int> Placement)
{
    /// <summary>Most rooms in a round.</summary>
    public const int MaxRooms = 20;

    /// <summary>Longest round, in minutes.</summary>
    public const int MaxMinutes = 240;

    /// <summary>
    /// Checks <paramref name="spec"/> against the members present (in the order they arrived), and places them; in an
    /// automatic round with <paramref name="standingGroups"/>, members go back to the room of their group.
    /// </summary>
    /// <exception cref="CopLiveException">A field is out of range, or there are more rooms than members.</exception>
    public static BreakoutPlan From(BreakoutSpec spec, IReadOnlyList<MemberId> present, IReadOnlyDictionary<MemberId, int>? standingGroups = null)
    {
        var names = RoomNames(spec);
        var minutes = Require.InRange("minutes", spec.Minutes, 1, MaxMinutes);
        if (names.Count > present.Count)
        {
            throw CopLiveException.Invalid("rooms", $"{names.Count} rooms need at least {names.Count} members present; {present.Count} are.");
        }
        IReadOnlyDictionary<MemberId, int> placement = spec.Mode switch
        {
            BreakoutMode.Auto when standingGroups is not null => BreakoutAssignment.Standing(present, names.Count, standingGroups),
            BreakoutMode.Auto => present.Zip(BreakoutAssignment.Balanced(present.Count, names.Count)).ToDictionary(p => p.First, p => p.Second),
            BreakoutMode.Manual => ManualAssignments(spec, names.Count, present),
            _ => new Dictionary<MemberId, int>(),
        };
        return new BreakoutPlan(names, minutes, placement);
    }

    private static List<string> RoomNames(BreakoutSpec spec)
    {
        if (!spec.Names.IsDefaultOrEmpty)
        {
            if (spec.Names.Length > MaxRooms)
            {
                throw CopLiveException.Invalid("names", $"A round has at most {MaxRooms} rooms.");
            }
            return [.. spec.Names.Select((n, i) => Require.Text($"names[{i}]", n, 100))];
        }
        var count = Require.InRange("rooms", spec.Rooms, 1, MaxRooms);
        return [.. Enumerable.Range(1, count).Select(i => $"Room {i}")];
    }

    private static Dictionary<MemberId, int> ManualAssignments(BreakoutSpec spec, int rooms, IReadOnlyList<MemberId> present)
    {
        if (spec.Assignments.IsDefaultOrEmpty)
        {
            throw CopLiveException.Invalid("assignments", "A manual round needs assignments: member and room for each.");
        }
        var result = new Dictionary<MemberId, int>();
        foreach (var (assignment, i) in spec.Assignments.Select((a, i) => (a, i)))
        {
            if (!present.Contains(assignment.Member))
            {
                throw CopLiveException.Invalid($"assignments[{i}].member", "That member is not in this session.");
            }
            result[assignment.Member] = Require.InRange($"assignments[{i}].room", assignment.Room, 0, rooms - 1);
        }
        return result;
    }
}
