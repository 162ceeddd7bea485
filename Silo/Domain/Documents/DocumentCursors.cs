using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Domain.Documents;

/// <summary>
/// Where each open client's cursor is, kept in step with the text: a cursor placed at an older version is moved
/// through the ops since, and every committed op moves every cursor. Transient: cursors belong to connections.
/// </summary>
public sealed class DocumentCursors
{
    private readonly Dictionary<string, Cursor> _cursors = new(StringComparer.Ordinal);

    // Per member: enough for a moving caret, not for a flood.
    private readonly MemberRates _rates = new(perSecond: 20, burst: 40, "cursor updates");

    /// <summary>
    /// Places a client's cursor, given in code points of <paramref name="version"/>, and moves it to the current text.
    /// </summary>
    /// <exception cref="CopLiveException">Too many updates, a version no longer in memory, or a cursor outside the text.</exception>
    public void Place(LiveDocument document, MemberId member, string displayName, string clientId, long version, int anchor, int head, Instant now)
    {
        _rates.Take(member, now);
        var since = document.Range(version, document.Version)
            ?? throw CopLiveException.Invalid("version", $"'version' must be between {document.RecentStart} and {document.Version}; it was {version}.");
        // The length at the cursor's version, from the ops since: counting the text would cost its whole length.
        var length = document.Length - since.Sum(op => op.Op.LengthDelta);
        if (anchor < 0 || head < 0 || anchor > length || head > length)
        {
            throw CopLiveException.Invalid("anchor", $"A cursor must lie within the document (0 to {length}).");
        }

        var selection = new Selection(anchor, head);
        foreach (var op in since)
        {
            selection = TextType.TransformSelection(selection, op.Op);
        }
        _cursors[clientId] = new Cursor(member, displayName, selection);
    }

    /// <summary>Removes a client's cursor if <paramref name="member"/> placed it (or an administrator asks); true if it was there.</summary>
    public bool Remove(string clientId, MemberId member, bool administrator) =>
        _cursors.TryGetValue(clientId, out var cursor) && (administrator || cursor.Member == member) && _cursors.Remove(clientId);

    /// <summary>Moves every cursor through a committed op.</summary>
    public void MoveThrough(TextOp op)
    {
        if (_cursors.Count == 0)
        {
            return;
        }
        foreach (var client in _cursors.Keys.ToList())
        {
            var cursor = _cursors[client];
            _cursors[client] = cursor with { Selection = TextType.TransformSelection(cursor.Selection, op) };
        }
    }

    /// <summary>The cursors as they are now.</summary>
    public ImmutableArray<DocumentCursor> All() =>
        [.. _cursors.Select(c => new DocumentCursor(c.Value.Member, c.Value.DisplayName, c.Key, c.Value.Selection.Anchor, c.Value.Selection.Head))];

    private sealed record Cursor(MemberId Member, string DisplayName, Selection Selection);
}
