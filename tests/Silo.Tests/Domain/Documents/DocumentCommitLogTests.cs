using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Documents;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;
using NodaTime.Testing;

namespace CopLive.Silo.Tests.Domain.Documents;

/// <summary>
/// "An acknowledgement means durable", checked on the commit log itself with storage whose writes the test holds,
/// lets through and fails. Every step runs to idle first (<see cref="TurnScheduler"/>), so an acknowledgement still
/// pending is waiting on the held write and nothing else.
/// </summary>
public sealed class DocumentCommitLogTests
{
    private static readonly MemberId Ana = MemberId.New();

    private readonly TurnScheduler _turns = new();
    private readonly MemoryDocumentStore _store = new();
    private readonly Listener _listener = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 4, 15, 0));
    private readonly LiveDocument _document = new(new DocumentCheckpoint(0, "", [], new Dictionary<Guid, ContributionCounts>()), []);
    private readonly ClientMarks _marks = new();
    private readonly DocumentCommitLog _log;

    public DocumentCommitLogTests() => _log = new DocumentCommitLog(_document, _store, _marks, _clock, _listener);

    [Fact]
    public void AnAcknowledgement_WaitsForTheWriteThatStoresItsOp()
    {
        _store.Hold(StoreWrite.Ops);

        var ack = Type();

        Assert.Equal(["ops 1"], _store.Began);
        Assert.False(ack.IsCompleted);
        Assert.Empty(_listener.Told);

        Release(StoreWrite.Ops);

        Assert.Equal(1, Acked(ack));
        Assert.Equal([1L], _store.StoredOps);
        Assert.Equal([1L], _listener.Told);
        Assert.Equal(1, _log.Durable);
    }

    [Fact]
    public void OpsAppliedDuringAWrite_RideTheNextWrite_Together()
    {
        _store.Hold(StoreWrite.Ops);
        var first = Type();
        var later = Enumerable.Range(0, 4).Select(_ => Type()).ToList();

        Assert.Equal(["ops 1"], _store.Began);
        Assert.All(later, ack => Assert.False(ack.IsCompleted));

        _store.Release(StoreWrite.Ops);
        _turns.RunUntilIdle();

        Assert.Equal(["ops 1", "ops 2,3,4,5"], _store.Began);
        Assert.Equal([1L, 2, 3, 4, 5], [Acked(first), .. later.Select(Acked)]);
        Assert.Equal([1L, 2, 3, 4, 5], _listener.Told);
    }

    [Fact]
    public void AFailedWrite_RefusesEveryUnacknowledgedOp_AndEveryLaterCall()
    {
        var stored = Type();
        _store.Hold(StoreWrite.Ops);
        var inFlight = Type();
        var queued = Type();

        Release(StoreWrite.Ops, new IOException("No space left on device"));

        Assert.Equal(1, Acked(stored));
        Assert.Equal(CopLiveError.Unavailable, Refusal(inFlight).Code);
        Assert.Equal(CopLiveError.Unavailable, Refusal(queued).Code);
        Assert.IsType<IOException>(Assert.Single(_listener.Failures));
        Assert.Equal([1L], _listener.Told);
        Assert.True(_log.HasFailed);
        Assert.Equal(CopLiveError.Unavailable, Assert.Throws<CopLiveException>(() => { _ = _log.Append(Next()); }).Code);
        Assert.Equal([1L], _store.StoredOps);
    }

    [Fact]
    public void AResubmission_WaitsForTheFirstSubmissionsWrite()
    {
        _store.Hold(StoreWrite.Ops);
        var ack = Type(client: "tab", seq: 7);

        var again = _marks.Resubmitted("tab", 7);

        Assert.NotNull(again);
        Assert.False(again.IsCompleted);
        Release(StoreWrite.Ops);
        Assert.Equal(Acked(ack), Acked(again));
    }

    [Fact]
    public void TheHead_VouchesOnlyForStoredOps()
    {
        Acked(Type(client: "stored", seq: 1));
        _store.Hold(StoreWrite.Ops);
        Type(client: "unstored", seq: 1);

        var settings = _turns.Run(() => _log.WriteSettingsAsync());

        // The settings ride the next write, after the held one: the head written then must not name the unstored op.
        Assert.False(settings.IsCompleted);
        Release(StoreWrite.Ops);
        Assert.True(settings.IsCompletedSuccessfully);
        Assert.Equal(["stored", "unstored"], _store.StoredMarks.Select(m => m.ClientId).Order());

        _store.Hold(StoreWrite.Ops);
        Type(client: "late", seq: 1);
        var again = _turns.Run(() => _log.WriteSettingsAsync());
        Release(StoreWrite.Ops);
        Assert.True(again.IsCompletedSuccessfully);
        Assert.Contains("late", _store.StoredMarks.Select(m => m.ClientId));
    }

    [Fact]
    public void WhileASegmentIsArchived_TypingIsAcknowledged_UntilTheTailRingIsFull()
    {
        _store.Hold(StoreWrite.Segment);
        var acks = Enumerable.Range(0, DocumentLimits.TailSlots).Select(_ => Type()).ToList();

        // The first segment's archiving waits at the gate; the ring still had room for every op since.
        Assert.Equal(1, _store.Waiting(StoreWrite.Segment));
        Assert.All(acks, ack => Assert.True(ack.IsCompletedSuccessfully));

        // The next op's slot still holds op 1, which is not archived yet: it is applied, but neither stored nor acknowledged.
        var next = Type();
        Assert.False(next.IsCompleted);
        Assert.DoesNotContain(DocumentLimits.TailSlots + 1L, _store.StoredOps);

        Release(StoreWrite.Segment);

        Assert.Equal(DocumentLimits.TailSlots + 1, Acked(next));
        var head = _store.Began.IndexOf($"head {DocumentLimits.SegmentSize}");
        Assert.True(head >= 0 && head < _store.Began.FindIndex(w => w.StartsWith("ops", StringComparison.Ordinal) && w.EndsWith($"{DocumentLimits.TailSlots + 1}", StringComparison.Ordinal)));
    }

    [Fact]
    public void AFailedArchive_KeepsEverythingAcknowledged_AndRefusesWhatWaitsForIt()
    {
        _store.Hold(StoreWrite.Segment);
        var acks = Enumerable.Range(0, DocumentLimits.TailSlots).Select(_ => Type()).ToList();
        var waiting = Type();
        var settings = _turns.Run(() => _log.WriteSettingsAsync());

        Release(StoreWrite.Segment, new IOException("No space left on device"));

        Assert.All(acks, ack => Assert.True(ack.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(1, DocumentLimits.TailSlots).Select(v => (long)v), _store.StoredOps);
        Assert.Equal(CopLiveError.Unavailable, Refusal(waiting).Code);
        Assert.Equal(CopLiveError.Unavailable, Refusal(settings).Code);
        Assert.Single(_listener.Failures);
    }

    [Fact]
    public void ArchivingWholeSegments_MovesTheStoredBoundary_AndForgetsIdleClients()
    {
        Acked(Type(client: "yesterday", seq: 1));
        _clock.Advance(ClientMarks.Lifetime + Duration.FromMinutes(1));

        for (var i = 1; i < DocumentLimits.SegmentSize; i++)
        {
            Type(client: "today", seq: i);
        }

        Assert.Equal(DocumentLimits.SegmentSize, _document.ArchivedVersion);
        Assert.Equal(DocumentLimits.SegmentSize, _store.StoredBoundary);
        Assert.Equal(["today"], _store.StoredMarks.Select(m => m.ClientId));
        Assert.Equal([(long)DocumentLimits.SegmentSize], _listener.Archived);
    }

    [Fact]
    public void Drain_WaitsForTheWriteInFlight()
    {
        _store.Hold(StoreWrite.Ops);
        var ack = Type();
        var drained = _turns.Run(() => _log.DrainAsync());

        Assert.False(drained.IsCompleted);
        Release(StoreWrite.Ops);
        Assert.True(drained.IsCompletedSuccessfully);
        Assert.Equal(1, Acked(ack));
    }

    private Task<long> Type(string client = "tab", long? seq = null) =>
        _turns.Run(() => _log.Append(Next(client, seq)));

    private CommittedOp Next(string client = "tab", long? seq = null) =>
        _document.Commit(TextOp.At(_document.Length, OpComponent.Insert("x")), Ana, client, seq ?? _document.Version + 1, _clock.GetCurrentInstant());

    private void Release(StoreWrite kind, Exception? fault = null)
    {
        _store.Release(kind, fault);
        _turns.RunUntilIdle();
    }

    /// <summary>The version an acknowledged op got; fails the test if it is not acknowledged by now.</summary>
    private static long Acked(Task<long> ack)
    {
        Assert.True(ack.IsCompletedSuccessfully, "The op is not acknowledged.");
        return ack.Result;
    }

    private static CopLiveException Refusal(Task task)
    {
        Assert.True(task.IsFaulted, "The call was not refused.");
        return Assert.IsType<CopLiveException>(task.Exception!.InnerException);
    }

    private sealed class Listener : ICommitLogListener
    {
        public List<long> Told { get; } = [];

        public List<Exception> Failures { get; } = [];

        public List<long> Archived { get; } = [];

        public void Written(TimeSpan took, int ops)
        {
        }

        public void Acknowledged(TimeSpan sinceApplied)
        {
        }

        public Task StoredAsync(ImmutableArray<CommittedOp> ops)
        {
            Told.AddRange(ops.Select(o => o.Version));
            return Task.CompletedTask;
        }

        void ICommitLogListener.Archived(long version) => Archived.Add(version);

        public void Failed(Exception error) => Failures.Add(error);
    }
}
