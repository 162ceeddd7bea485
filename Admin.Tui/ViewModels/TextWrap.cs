using System.Globalization;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>Breaks text into screen lines of at most a given width, at spaces where it can, never inside a character.</summary>
public static class TextWrap
{
    public static IReadOnlyList<string> Lines(IEnumerable<string> paragraphs, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var elements = new List<string>();
            var enumerator = StringInfo.GetTextElementEnumerator(paragraph);
            while (enumerator.MoveNext())
            {
                elements.Add(enumerator.GetTextElement());
            }
            if (elements.Count == 0)
            {
                lines.Add("");
                continue;
            }
            for (var start = 0; start < elements.Count;)
            {
                var end = Math.Min(elements.Count, start + width);
                if (end < elements.Count)
                {
                    var space = elements.FindLastIndex(end - 1, end - start, e => e == " ");
                    if (space > start)
                    {
                        end = space + 1;
                    }
                }
                lines.Add(string.Concat(elements.Skip(start).Take(end - start)).TrimEnd());
                start = end;
                // A line broken at a space does not start the next one with it.
                while (start < elements.Count && elements[start] == " ")
                {
                    start++;
                }
            }
        }
        return lines;
    }
}
