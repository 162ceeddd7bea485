using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using NodaTime;

namespace CopLive.Silo.Domain.Practice;

/// <summary>
/// The decisions and action items a meeting marks as it goes: pure rules over the session's lists, so the minutes
/// and the next meeting of a series get exactly what was marked.
/// </summary>
internal sealed class MeetingRecord(List<Decision> decisions, List<ActionItem> actionItems)
{
    /// <summary>Longest decision or action item.</summary>
    public const int TextLength = 1_000;

    /// <summary>Most decisions, and most action items, one meeting keeps.</summary>
    public const int MaxEntries = 200;

    /// <summary>Marks a decision.</summary>
    public Decision Decide(string? text, MemberId by, string byName, Instant now, int? phase)
    {
        var decision = new Decision(Guid.NewGuid(), Text(text), by, byName, now, phase);
        EnsureRoom(decisions.Count, "decisions");
        decisions.Add(decision);
        return decision;
    }

    /// <summary>Marks an action item; <paramref name="owner"/> must be a member of the community (looked up by the caller).</summary>
    public ActionItem Assign(string? text, (MemberId Id, string Name)? owner, LocalDate? due, Instant now, SessionId session)
    {
        var item = new ActionItem(Guid.NewGuid(), Text(text), owner?.Id, owner?.Name, due, false, now, session);
        EnsureRoom(actionItems.Count, "action items");
        actionItems.Add(item);
        return item;
    }

    /// <summary>Marks an action item done or open again; false when it already was.</summary>
    public bool SetDone(Guid id, bool done)
    {
        var index = actionItems.FindIndex(a => a.Id == id);
        if (index < 0)
        {
            throw CopLiveException.Invalid("itemId", "There is no such action item in this meeting.");
        }
        if (actionItems[index].Done == done)
        {
            return false;
        }
        actionItems[index] = actionItems[index] with { Done = done };
        return true;
    }

    /// <summary>Takes back a decision or an action item marked by mistake.</summary>
    public void Remove(Guid id)
    {
        if (decisions.RemoveAll(d => d.Id == id) + actionItems.RemoveAll(a => a.Id == id) == 0)
        {
            throw CopLiveException.Invalid("entryId", "There is no such decision or action item in this meeting.");
        }
    }

    /// <summary>
    /// Takes in the items still open after an earlier meeting of the series in place of those carried before (a later
    /// meeting's list replaces an earlier one's); the meeting's own items stay.
    /// </summary>
    public void CarryIn(IEnumerable<ActionItem> carried, SessionId session)
    {
        actionItems.RemoveAll(a => a.From != session);
        actionItems.InsertRange(0, carried.Where(c => c.From != session));
    }

    /// <summary>The action items still open, to carry into the next meeting.</summary>
    public IReadOnlyList<ActionItem> Open => [.. actionItems.Where(a => !a.Done)];

    private static string Text(string? text) => Require.OptionalMultilineText("text", text, TextLength)
        ?? throw CopLiveException.Invalid("text", "'text' is required and must not be blank.");

    private static void EnsureRoom(int count, string what)
    {
        if (count >= MaxEntries)
        {
            throw new CopLiveException(CopLiveError.Conflict, $"A meeting keeps at most {MaxEntries} {what}.");
        }
    }
}
