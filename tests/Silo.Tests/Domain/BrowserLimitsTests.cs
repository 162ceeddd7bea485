using System.Globalization;
using System.Text.RegularExpressions;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Practice;
using CopLive.Silo.Grains.Rooms;
using CopLive.TestSupport;

namespace CopLive.Silo.Tests.Domain;

/// <summary>The browser counts text against the server's own limits: the numbers in <c>limits.ts</c> are the silo's.</summary>
public sealed partial class BrowserLimitsTests
{
    [Fact]
    public void TheBrowsersLimits_AreTheServersLimits()
    {
        var source = File.ReadAllText(Repository.PathOf("Gateway", "ClientApp", "src", "limits.ts"));
        var block = source[source.IndexOf("export const textLimits", StringComparison.Ordinal)..];
        var browser = Entry().Matches(block[..block.IndexOf("} as const", StringComparison.Ordinal)])
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value.Replace("_", ""), CultureInfo.InvariantCulture));

        var server = new Dictionary<string, int>
        {
            ["name"] = Limits.NameLength,
            ["chat"] = RoomGrain.ChatLength,
            ["record"] = MeetingRecord.TextLength,
            ["prompt"] = AgendaRules.PromptLength,
            ["insert"] = DocumentLimits.MaxInsertPerOp,
            ["document"] = DocumentLimits.MaxLength,
        };
        Assert.Equal(server.OrderBy(p => p.Key), browser.OrderBy(p => p.Key));
    }

    [GeneratedRegex(@"^\s*(\w+): ([\d_]+),", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
