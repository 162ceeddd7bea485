using CopLive.TestSupport;

namespace CopLive.Gateway.Tests.Protocol;

/// <summary>
/// The browser client compiles against <c>ClientApp/src/protocol.ts</c> (the gateway's build runs <c>tsc</c>), and that
/// file must be the one written from CopLive.Protocol: a record, enum value, hub method or event changed on one side
/// only fails here.
/// </summary>
public sealed class TypeScriptContractTests
{
    [Fact]
    public void TheBrowserClient_SpeaksTheProtocol()
    {
        var path = Repository.PathOf("Gateway", "ClientApp", "src", "protocol.ts");
        var written = TypeScriptContract.Write();
        var shown = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        if (Environment.GetEnvironmentVariable("COPLIVE_WRITE_DOCS") == "1" && shown != written)
        {
            // The way to update the browser's contract after changing the C# one: run this test once with COPLIVE_WRITE_DOCS=1.
            File.WriteAllText(path, written);
            return;
        }
        Assert.Equal(written, shown);
    }

    [Fact]
    public void TheContract_NamesEveryHubMethodAndEvent()
    {
        var written = TypeScriptContract.Write();

        Assert.Contains("  SubmitOp(documentId: string, clientId: string, seq: number, baseVersion: number, op: TextOp): SubmitReply;", written);
        Assert.Contains("  GetAudit(communityId: string | null, limit: number): AuditRow[];", written);
        Assert.Contains("  SessionChanged(message: SessionState): void;", written);
        Assert.Contains("export interface LiveHub extends ModerationHub {", written);
        Assert.Contains("export type AgendaStatus = \"notStarted\" | \"running\" | \"paused\" | \"overtime\" | \"finished\";", written);
        Assert.Contains("export type RefusalCode = \"InvalidArgument\" |", written);
        Assert.Contains("deadline?: string;", written);
    }
}
