using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>axe-core's WCAG 2.1 A and AA rules (labels, roles, names, contrast…) run on the page as it stands.</summary>
internal static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        // A scan that checked nothing would pass anything.
        Assert.True(result.Passes.Length > 5, $"{what}: axe checked only {result.Passes.Length} rules.");
        Assert.True(result.Violations.Length == 0, $"{what}: " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))}")));
    }

    /// <summary>The page fits the window's width: nothing to scroll sideways (a phone's 390 px, say).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0] <= sizes[1], $"{what}: the page is {sizes[0]} px wide in a {sizes[1]} px window.");
    }
}
