namespace CopLive.Collab.Authorship;

/// <summary>Building run lists that stay merged: no empty runs, no two neighbours by the same author.</summary>
internal static class RunList
{
    /// <summary>Adds <paramref name="run"/> at the end, joining it to the last run if that has the same author.</summary>
    public static void Append(List<AuthorRun> runs, AuthorRun run)
    {
        if (run.Length <= 0)
        {
            return;
        }
        if (runs.Count > 0 && runs[^1].Author == run.Author)
        {
            runs[^1] = run with { Length = runs[^1].Length + run.Length };
        }
        else
        {
            runs.Add(run);
        }
    }

    /// <summary>
    /// Replaces <paramref name="deleted"/> code points of <paramref name="runs"/> from <paramref name="offset"/> with
    /// <paramref name="inserted"/>, in place: a keystroke shifts the runs after it instead of copying the list, which
    /// for text edited by several people holds hundreds of runs per chunk.
    /// </summary>
    public static void Splice(List<AuthorRun> runs, int offset, int deleted, IReadOnlyList<AuthorRun> inserted)
    {
        var index = 0;
        var position = 0;
        while (index < runs.Count && position + runs[index].Length <= offset)
        {
            position += runs[index].Length;
            index++;
        }
        if (position < offset)
        {
            // The edit starts inside a run: cut it in two so that a run starts exactly at the offset.
            var cut = runs[index];
            runs[index] = cut with { Length = offset - position };
            runs.Insert(index + 1, cut with { Length = position + cut.Length - offset });
            index++;
        }
        var end = index;
        var remaining = deleted;
        while (remaining > 0 && runs[end].Length <= remaining)
        {
            remaining -= runs[end].Length;
            end++;
        }
        runs.RemoveRange(index, end - index);
        if (remaining > 0)
        {
            runs[index] = runs[index] with { Length = runs[index].Length - remaining };
        }
        var after = index;
        for (var i = 0; i < inserted.Count; i++)
        {
            runs.Insert(after++, inserted[i]);
        }
        // Only the runs around the edit can have become empty or meet a neighbour by the same author.
        Compact(runs, Math.Max(index - 1, 0), Math.Min(after + 1, runs.Count));
    }

    /// <summary>Drops empty runs and joins neighbours by one author, all through <paramref name="runs"/>.</summary>
    public static void Compact(List<AuthorRun> runs) => Compact(runs, 0, runs.Count);

    /// <summary>Drops empty runs and joins neighbours by one author within <c>runs[from..to)</c>.</summary>
    private static void Compact(List<AuthorRun> runs, int from, int to)
    {
        var write = from;
        for (var read = from; read < to; read++)
        {
            var run = runs[read];
            if (run.Length <= 0)
            {
                continue;
            }
            if (write > from && runs[write - 1].Author == run.Author)
            {
                runs[write - 1] = run with { Length = runs[write - 1].Length + run.Length };
            }
            else
            {
                runs[write++] = run;
            }
        }
        runs.RemoveRange(write, to - write);
    }

    /// <summary><paramref name="runs"/> in order, merged: empty runs dropped, neighbours by one author joined.</summary>
    public static List<AuthorRun> Merge(IEnumerable<AuthorRun> runs)
    {
        var merged = new List<AuthorRun>();
        foreach (var run in runs)
        {
            Append(merged, run);
        }
        return merged;
    }
}
