using System.Diagnostics;
using System.Globalization;
using CopLive.Collab.Authorship;
using CopLive.Collab.Text;

namespace CopLive.Bench;

/// <summary>
/// The server's text work per op, in process and without the network: five authors' random 8-code-point inserts
/// and 3-code-point deletes applied to a document's text and authorship (<see cref="AttributedText"/>), at several
/// starting lengths. Shows that an op costs the same on a page as on a megabyte.
/// </summary>
internal static class EngineBench
{
    private const int WarmupOps = 3_000;
    private const int MeasuredOps = 10_000;

    public static void Run()
    {
        Console.WriteLine($"text and authorship, {MeasuredOps:N0} ops after {WarmupOps:N0}, five authors, random positions");
        Console.WriteLine("| starting length (code points) | µs per op | bytes allocated per op | authorship runs at the end |");
        Console.WriteLine("|---|---|---|---|");
        // While the JIT compiles; the pause lets the runtime's background compiler put the optimized code in place,
        // which it only starts once calls have been counted for a while.
        Measure(30_000, report: false);
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Measure(30_000, report: false);
        foreach (var length in new[] { 1_000, 30_000, 100_000, 300_000, 900_000 })
        {
            Measure(length, report: true);
        }
    }

    private static void Measure(int length, bool report)
    {
        var random = new Random(length);
        var authors = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var text = new AttributedText(new string('a', length), authors[0]);
        void Edit(int i)
        {
            var at = random.Next(text.Length);
            var change = random.Next(4) == 0 && text.Length - at >= 3 ? OpComponent.Delete(3) : OpComponent.Insert("abcdéf😀g");
            text.Apply(TextOp.At(at, change), authors[i % authors.Length]);
        }
        for (var i = 0; i < WarmupOps; i++)
        {
            Edit(i);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < MeasuredOps; i++)
        {
            Edit(i);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (report)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {length:N0} | {elapsed.TotalMicroseconds / MeasuredOps:F1} | {(GC.GetAllocatedBytesForCurrentThread() - allocated) / MeasuredOps:N0} | {text.Runs.Count:N0} |"));
        }
    }
}
