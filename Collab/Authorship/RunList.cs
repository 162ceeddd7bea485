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
    /// The runs of <paramref name="runs"/> with <paramref name="deleted"/> code points from <paramref name="offset"/>
    /// replaced by <paramref name="inserted"/>.
    /// </summary>
    public static List<AuthorRun> Splice(List<AuthorRun> runs, int offset, int deleted, IReadOnlyList<AuthorRun> inserted)
    {
        var result = new List<AuthorRun>(runs.Count + inserted.Count + 1);
        var position = 0;
        var index = 0;
        for (; index < runs.Count && position + runs[index].Length <= offset; index++)
        {
            Append(result, runs[index]);
            position += runs[index].Length;
        }
        if (index < runs.Count && position < offset)
        {
            Append(result, runs[index] with { Length = offset - position });
        }
        foreach (var run in inserted)
        {
            Append(result, run);
        }
        var resume = offset + deleted;
        for (; index < runs.Count; index++)
        {
            var start = position;
            position += runs[index].Length;
            if (position > resume)
            {
                Append(result, runs[index] with { Length = position - Math.Max(start, resume) });
            }
        }
        return result;
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
