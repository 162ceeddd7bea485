namespace CopLive.Admin.Tui.ViewModels;

/// <summary>A screen's table: column names and rows of text, each row keyed by what it is about.</summary>
public sealed record TableModel(IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows)
{
    /// <summary>The rows containing <paramref name="filter"/> in any cell (case-insensitive); all rows when it is empty.</summary>
    public TableModel Filtered(string? filter) =>
        string.IsNullOrWhiteSpace(filter)
            ? this
            : this with { Rows = [.. Rows.Where(r => r.Cells.Any(c => c.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)))] };

    /// <summary>The position of the row with <paramref name="key"/>, or -1.</summary>
    public int IndexOf(Guid key)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Key == key)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>One row: the id of what it shows (session, room, member…), an optional second id (the help request's room), and its cells.</summary>
public sealed record TableRow(Guid Key, IReadOnlyList<string> Cells, long Number = 0, Guid Parent = default);
