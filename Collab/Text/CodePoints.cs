namespace CopLive.Collab.Text;

/// <summary>
/// Counting and slicing UTF-16 text in Unicode code points, the unit every offset of the text type uses
/// (an emoji is one position, a letter with a combining accent is two).
/// </summary>
public static class CodePoints
{
    /// <summary>The number of code points in well-formed UTF-16 text.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }
        return count;
    }

    /// <summary>Counts code points, or returns false when the text has a lone surrogate (ill-formed UTF-16).</summary>
    public static bool TryCount(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
            count++;
        }
        return true;
    }

    /// <summary>
    /// The number of UTF-16 units spanned by the first <paramref name="codePoints"/> code points of
    /// <paramref name="text"/>, or -1 when the text has fewer code points.
    /// </summary>
    public static int Utf16Length(ReadOnlySpan<char> text, int codePoints)
    {
        var i = 0;
        for (var n = 0; n < codePoints; n++)
        {
            if (i >= text.Length)
            {
                return -1;
            }
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }
        return i;
    }

    /// <summary>The code points [<paramref name="start"/>, <paramref name="end"/>) of well-formed text.</summary>
    public static string Slice(string text, int start, int end)
    {
        var from = Utf16Length(text, start);
        var length = Utf16Length(text.AsSpan(from), end - start);
        return text.Substring(from, length);
    }
}
