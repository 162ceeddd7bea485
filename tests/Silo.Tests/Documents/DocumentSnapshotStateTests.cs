using CopLive.Collab.Authorship;
using CopLive.Silo.Domain;
using CopLive.Silo.Grains.Documents;

namespace CopLive.Silo.Tests.Documents;

public sealed class DocumentSnapshotStateTests
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void From_ThenToCheckpoint_KeepsTextRunsAndContributions()
    {
        var checkpoint = new DocumentCheckpoint(
            64, "Fractions 🍕 équivalentes",
            [new AuthorRun(Guid.Empty, 3), new AuthorRun(Ana, 10), new AuthorRun(Ben, 4), new AuthorRun(Ana, 7)],
            new Dictionary<Guid, ContributionCounts> { [Ana] = new() { Inserted = 17, Ops = 5 } });

        var state = DocumentSnapshotState.From(checkpoint);
        var back = state.ToCheckpoint();

        Assert.Equal([Guid.Empty, Ana, Ben], state.Authors);
        Assert.Equal([0, 3, 1, 10, 2, 4, 1, 7], state.Spans);
        Assert.Equal(checkpoint.Version, back.Version);
        Assert.Equal(checkpoint.Text, back.Text);
        Assert.Equal(checkpoint.Runs, back.Runs);
        Assert.Equal(17, back.Contributions[Ana].Inserted);
    }
}
