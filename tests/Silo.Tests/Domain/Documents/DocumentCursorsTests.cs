using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Documents;
using NodaTime;

namespace CopLive.Silo.Tests.Domain.Documents;

public sealed class DocumentCursorsTests
{
    private static readonly MemberId Ana = MemberId.New();
    private static readonly MemberId Ben = MemberId.New();
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 4, 9, 0);

    private readonly LiveDocument _document = new(new DocumentCheckpoint(0, "hello", [new(Guid.Empty, 5)], new Dictionary<Guid, ContributionCounts>()), []);
    private readonly DocumentCursors _cursors = new();

    [Fact]
    public void ACursorPlacedOnAnOlderVersion_IsMovedThroughTheOpsSince()
    {
        Commit("[\">> \"]");

        _cursors.Place(_document, Ana, "Ana", "tab", version: 0, anchor: 5, head: 5, Now);

        var cursor = Assert.Single(_cursors.All());
        Assert.Equal((8, 8), (cursor.Anchor, cursor.Head));
    }

    [Fact]
    public void EveryCommittedOp_MovesEveryCursor()
    {
        _cursors.Place(_document, Ana, "Ana", "tab-a", 0, 0, 5, Now);
        _cursors.Place(_document, Ben, "Ben", "tab-b", 0, 2, 2, Now);

        _cursors.MoveThrough(Commit("[1, \"é🍕\"]").Op);

        Assert.Equal([(0, 7), (4, 4)], _cursors.All().OrderBy(c => c.ClientId).Select(c => (c.Anchor, c.Head)));
    }

    [Fact]
    public void ACursorOutsideTheText_IsRefused_AndOnlyItsOwnerOrTheAdministratorRemovesIt()
    {
        var outside = Assert.Throws<CopLiveException>(() => _cursors.Place(_document, Ana, "Ana", "tab", 0, 6, 6, Now));
        _cursors.Place(_document, Ana, "Ana", "tab", 0, 1, 1, Now);

        Assert.Equal("anchor", outside.Field);
        Assert.False(_cursors.Remove("tab", Ben, administrator: false));
        Assert.True(_cursors.Remove("tab", default, administrator: true));
        Assert.Empty(_cursors.All());
    }

    private CommittedOp Commit(string op) =>
        _document.Commit(_document.Rebase(_document.Version, TextOpJson.Parse(op)), Ben, "editor", _document.Version + 1, Now);
}
