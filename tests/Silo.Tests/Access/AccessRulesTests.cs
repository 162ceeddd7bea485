using CopLive.Grains.Communities;
using CopLive.Silo.Access;
using CopLive.TestSupport;

namespace CopLive.Silo.Tests.Access;

/// <summary>The rights table itself: complete, and the same as the one docs/security.md shows.</summary>
public sealed class AccessRulesTests
{
    [Fact]
    public void EveryRight_HasExactlyOneRule()
    {
        Assert.Equal(Enum.GetValues<Right>().Order(), AccessRules.All.Select(r => r.Right).Order());
    }

    [Fact]
    public void ARuleHeldByARole_IsHeldByEveryRoleAboveIt()
    {
        var roles = Enum.GetValues<CommunityRole>();
        Assert.All(AccessRules.All, rule => Assert.All(roles.Where(rule.Allows), role =>
            Assert.All(roles.Where(r => r > role), above => Assert.True(rule.Allows(above), $"{rule.Right}: {role} holds it, {above} does not."))));
    }

    [Fact]
    public void TheSecurityGuide_ShowsTheRightsTableWrittenFromTheRules()
    {
        var path = Repository.PathOf("docs", "security.md");
        var guide = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = guide.IndexOf(AccessTable.Begin, StringComparison.Ordinal);
        var end = guide.IndexOf(AccessTable.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/security.md has no rights table between the markers.");
        var shown = guide[start..(end + AccessTable.End.Length)];
        var written = AccessTable.Markdown().ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("COPLIVE_WRITE_DOCS") == "1" && shown != written)
        {
            // The way to update the guide after changing a rule: run this test once with COPLIVE_WRITE_DOCS=1.
            File.WriteAllText(path, guide.Replace(shown, written, StringComparison.Ordinal));
            return;
        }
        Assert.Equal(written, shown);
    }
}
