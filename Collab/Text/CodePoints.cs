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
        // A pair is two units and one code point: count the low halves, jumping over plain text a vector at a time.
        var count = text.Length;
        for (int at; (at = text.IndexOfAnyInRange('\uDC00', '\uDFFF')) >= 0; text = text[(at + 1)..])
        {
            count--;
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
        while (codePoints > 0)
        {
            if (i >= text.Length)
            {
                return -1;
            }
            // Text without surrogates is one unit per code point: jump over it a vector at a time.
            var stretch = text.Slice(i, Math.Min(codePoints, text.Length - i));
            var plain = stretch.IndexOfAnyInRange('\uD800', '\uDFFF');
            plain = plain < 0 ? stretch.Length : plain;
            i += plain;
            codePoints -= plain;
            if (codePoints > 0 && i < text.Length)
            {
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                codePoints--;
            }
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
