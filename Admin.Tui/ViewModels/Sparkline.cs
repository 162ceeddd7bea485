namespace CopLive.Admin.Tui.ViewModels;

/// <summary>A row of block characters whose heights follow a series, scaled from zero to its maximum.</summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>The last <paramref name="width"/> values as blocks; a series of zeros is a flat line.</summary>
    public static string Render(IEnumerable<double> values, int width)
    {
        var tail = values.TakeLast(width).ToList();
        if (tail.Count == 0)
        {
            return "";
        }
        var max = tail.Max();
        return string.Concat(tail.Select(v => max <= 0 || v <= 0 ? Blocks[0] : Blocks[(int)Math.Round(v / max * (Blocks.Length - 1))]));
    }
}
