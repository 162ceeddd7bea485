using CopLive.Grains.Errors;
using CopLive.Silo.Domain.Documents;
using NodaTime;

namespace CopLive.Silo.Tests.Domain.Documents;

public sealed class ClientMarksTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 4, 9, 0);

    [Fact]
    public void AResubmission_GetsTheFirstAcknowledgement_AnOlderSeqIsRefused_AndANewerOneIsNew()
    {
        var marks = new ClientMarks();
        var first = new TaskCompletionSource<long>();
        marks.Record("tab", 7, 12, first.Task, Now);

        Assert.Same(first.Task, marks.Resubmitted("tab", 7));
        Assert.Equal("seq", Assert.Throws<CopLiveException>(() => { _ = marks.Resubmitted("tab", 6); }).Field);
        Assert.Null(marks.Resubmitted("tab", 9));
        Assert.Null(marks.Resubmitted("other", 1));
    }

    [Fact]
    public void OnlyStoredOps_AreVouchedFor_AndIdleClientsAreForgottenOnceAcknowledged()
    {
        var marks = new ClientMarks();
        marks.Restore(new ClientMark("idle", 1, 3, Now));
        marks.Record("busy", 4, 10, new TaskCompletionSource<long>().Task, Now + ClientMarks.Lifetime);

        Assert.Equal(["idle"], marks.StoredThrough(9).Select(m => m.ClientId));
        marks.ForgetIdle(Now + ClientMarks.Lifetime + Duration.FromMinutes(1));
        Assert.Empty(marks.StoredThrough(9));
        Assert.NotNull(marks.Resubmitted("busy", 4));
    }
}
