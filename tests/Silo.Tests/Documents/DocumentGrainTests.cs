using System.Collections.Concurrent;
using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Security;
using CopLive.Silo.Domain;
using CopLive.Silo.Grains.Documents;
using CopLive.Silo.Tests.Fixtures;

namespace CopLive.Silo.Tests.Documents;

/// <summary>Co-editing through the real document grain on real storage (SQLite and PostgreSQL).</summary>
public abstract class DocumentGrainTests<TFixture>(TFixture fixture) where TFixture : ClusterFixture
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ConcurrentSubmissions_AreAllAcknowledged_WithContiguousVersions_AndConverge()
    {
        var (doc, writers, _) = await DocumentAsync("Lesson plan: fractions\n");
        var document = Grains.GetDocument(doc);

        // Eight teachers each insert at the start of version 0, all at once: the server transforms every op.
        var acks = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            document.SubmitAsync(writers[i % writers.Count], new OpSubmission($"tab-{i}", 1, 0, Insert(0, $"[{i} é😀]")))));
        var opened = await document.OpenAsync(writers[0]);
        var page = await document.GetOpsAsync(writers[0], 0, 100);

        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), acks.Order());
        Assert.Equal(8, opened.Document.Version);
        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), page.Ops.Select(o => o.Version));
        var replayed = page.Ops.Aggregate("Lesson plan: fractions\n", (text, op) => TextType.Apply(text, op.Op));
        Assert.Equal(opened.Document.Text, replayed);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Contains($"[{i} é😀]", opened.Document.Text));
    }

    [Fact]
    public async Task ClientsTypingTogether_AcrossManySegments_AreAllStored_AndSurviveReactivation()
    {
        var (doc, writers, _) = await DocumentAsync("");
        var document = Grains.GetDocument(doc);
        const int Clients = 6, OpsEach = 30;

        // Each client keeps one op in flight, so ops are applied while earlier ones are written and archived.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var seen = 0L;
            for (var seq = 1; seq <= OpsEach; seq++)
            {
                seen = await document.SubmitAsync(writers[c % writers.Count], new OpSubmission($"tab-{c}", seq, seen, Insert(0, $"<{c}:{seq}>")));
            }
        }));
        await fixture.DeactivateAllAsync();
        var opened = await document.OpenAsync(writers[0]);
        var page = await document.GetOpsAsync(writers[0], 0, 1_000);

        Assert.Equal(Clients * OpsEach, opened.Document.Version);
        Assert.Equal(Enumerable.Range(1, Clients * OpsEach).Select(v => (long)v), page.Ops.Select(o => o.Version));
        Assert.Equal(opened.Document.Text, page.Ops.Aggregate("", (text, op) => TextType.Apply(text, op.Op)));
        Assert.All(Enumerable.Range(0, Clients), c => Assert.All(Enumerable.Range(1, OpsEach), seq =>
            Assert.Contains($"<{c}:{seq}>", opened.Document.Text)));
    }

    [Fact]
    public async Task Resubmission_IsAcknowledgedWithTheOriginalVersion_AndAppliedOnce_EvenAfterReactivation()
    {
        var (doc, writers, _) = await DocumentAsync("abc");
        var document = Grains.GetDocument(doc);
        var submission = new OpSubmission("tab-1", 7, 0, Insert(3, "d"));

        var first = await document.SubmitAsync(writers[0], submission);
        await document.SubmitAsync(writers[1], new OpSubmission("tab-2", 1, 1, Insert(0, ">")));
        var again = await document.SubmitAsync(writers[0], submission with { BaseVersion = 2, Op = Insert(4, "d") });
        await fixture.DeactivateAllAsync();
        var afterRestart = await document.SubmitAsync(writers[0], submission);

        Assert.Equal(1, first);
        Assert.Equal(1, again);
        Assert.Equal(1, afterRestart);
        Assert.Equal(">abcd", (await document.OpenAsync(writers[0])).Document.Text);
    }

    [Fact]
    public async Task StaleBase_IsTransformed_AndNewerThanHeadIsRefused()
    {
        var (doc, writers, _) = await DocumentAsync("hello world");
        var document = Grains.GetDocument(doc);
        await document.SubmitAsync(writers[0], new OpSubmission("a", 1, 0, TextOpJson.Parse("[{\"d\":5}, \"HELLO\"]")));

        var version = await document.SubmitAsync(writers[1], new OpSubmission("b", 1, 0, Insert(11, "!")));
        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            document.SubmitAsync(writers[1], new OpSubmission("b", 2, 9, Insert(0, "x"))));

        Assert.Equal(2, version);
        Assert.Equal("HELLO world!", (await document.OpenAsync(writers[0])).Document.Text);
        Assert.Equal(CopLiveError.NewerThanHead, refusal.Code);
    }

    [Fact]
    public async Task OpThatDoesNotFit_IsRefused_AndChangesNothing()
    {
        var (doc, writers, _) = await DocumentAsync("abc");
        var document = Grains.GetDocument(doc);

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            document.SubmitAsync(writers[0], new OpSubmission("a", 1, 0, TextOpJson.Parse("[5, \"x\"]"))));

        Assert.Equal(CopLiveError.InvalidOp, refusal.Code);
        var opened = await document.OpenAsync(writers[0]);
        Assert.Equal((0L, "abc"), (opened.Document.Version, opened.Document.Text));
    }

    [Fact]
    public async Task Observers_CanRead_ButEveryWriteIsRefused_AndOutsidersSeeNothing()
    {
        var (doc, writers, observer) = await DocumentAsync("abc");
        var document = Grains.GetDocument(doc);
        var outsider = Caller.ForMember(MemberId.New());

        var opened = await document.OpenAsync(observer);
        var write = await Assert.ThrowsAsync<CopLiveException>(() => document.SubmitAsync(observer, new OpSubmission("o", 1, 0, Insert(0, "x"))));
        var read = await Assert.ThrowsAsync<CopLiveException>(() => document.OpenAsync(outsider));

        Assert.Equal("abc", opened.Document.Text);
        Assert.Equal(CopLiveError.Forbidden, write.Code);
        Assert.Equal(CopLiveError.Forbidden, read.Code);
        Assert.Equal(0, (await document.OpenAsync(writers[0])).Document.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)] // long enough that snapshots are rarer than archiving: reactivation replays segments
    public async Task LongHistory_IsArchived_AndEveryVersionCanBeRebuilt_AfterReactivation(int startLength)
    {
        var start = new string('s', startLength);
        var (doc, writers, _) = await DocumentAsync(start);
        var document = Grains.GetDocument(doc);
        var texts = new List<string> { start };
        const int Ops = 3 * DocumentLimits.SegmentSize * 2 + 5;
        for (var i = 1; i <= Ops; i++)
        {
            var op = i % 5 == 0 ? TextOpJson.Parse("[{\"d\":1}]") : Insert(texts[^1].Length, ((char)('a' + i % 26)).ToString());
            fixture.Clock.Advance(NodaTime.Duration.FromMilliseconds(100));
            await document.SubmitAsync(writers[i % 2], new OpSubmission($"tab-{i % 2}", i, i - 1, op));
            texts.Add(TextType.Apply(texts[^1], op));
        }

        await fixture.DeactivateAllAsync();
        var opened = await document.OpenAsync(writers[0]);
        var all = await document.GetOpsAsync(writers[0], 0, 1_000);

        Assert.Equal((long)Ops, opened.Document.Version);
        Assert.Equal(texts[^1], opened.Document.Text);
        Assert.Equal(Enumerable.Range(1, Ops).Select(v => (long)v), all.Ops.Select(o => o.Version));
        foreach (var version in new[] { 0, 1, 31, 32, 33, 64, 100, 150, Ops - 1, Ops })
        {
            Assert.Equal(texts[version], (await document.GetAtVersionAsync(writers[1], version)).Text);
        }
        var authorship = await document.GetAuthorshipAsync(writers[0]);
        Assert.Equal(opened.Document.Text.Length, authorship.Spans.Sum(s => s.Length));
        Assert.Equal(Ops, authorship.Contributions.Sum(c => c.Ops));
    }

    [Fact]
    public async Task ArchivedSegments_DoNotStayInMemory_AndAreReadBackFromStorage()
    {
        var (doc, writers, _) = await DocumentAsync("");
        var document = Grains.GetDocument(doc);
        const int Segments = 3;
        for (var i = 1; i <= Segments * DocumentLimits.SegmentSize + 5; i++)
        {
            fixture.Clock.Advance(NodaTime.Duration.FromMilliseconds(100));
            await document.SubmitAsync(writers[0], new OpSubmission("tab", i, i - 1, Insert(i - 1, "x")));
        }

        // Archiving runs beside typing, after the acknowledgements: wait for the segments to be in storage.
        var keys = Enumerable.Range(0, Segments).Select(index => DocumentHistoryGrain.Key(doc.Value, index)).ToList();
        await Community.EventuallyAsync(() => Task.WhenAll(keys.Select(IsStoredAsync)), stored => stored.All(s => s));
        await Community.EventuallyAsync(HistoryActivationsAsync, active => !active.Intersect(keys).Any());

        var all = await document.GetOpsAsync(writers[0], 0, 1_000);
        Assert.Equal(Enumerable.Range(1, Segments * DocumentLimits.SegmentSize + 5).Select(v => (long)v), all.Ops.Select(o => o.Version));
        Assert.Equal(new string('x', 10), (await document.GetAtVersionAsync(writers[0], 10)).Text);

        async Task<bool> IsStoredAsync(string key)
        {
            var state = new GrainState<DocumentSegmentState>(new DocumentSegmentState());
            await fixture.GrainStorage.ReadStateAsync("segment", GrainId.Create("coplive.document-history", key), state);
            return state.State is { Stored: true };
        }

        async Task<IEnumerable<string>> HistoryActivationsAsync() =>
            (await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
                .Where(s => s.GrainId.Type.ToString() == "coplive.document-history")
                .Select(s => s.GrainId.Key.ToString()!);
    }

    [Fact]
    public async Task Typing_IsAcknowledged_WhileHistoryIsBeingArchived_UntilTheTailRingIsFull()
    {
        var (doc, writers, _) = await DocumentAsync("");
        var document = Grains.GetDocument(doc);
        var guard = TimeSpan.FromSeconds(30);  // turns a hang into a failure, never a measure
        Task<long> Type(int seq) => AppendX(document, writers[0], seq);

        fixture.StorageGate.Hold("segment");
        try
        {
            for (var seq = 1; seq <= DocumentLimits.SegmentSize; seq++)
            {
                await Type(seq).WaitAsync(guard);
            }
            // The first segment is full: its archiving has begun, and its write waits at the gate...
            await fixture.StorageGate.Reached.WaitAsync(guard);
            // ...while the next ops are stored in the tail ring and acknowledged all the same,
            for (var seq = DocumentLimits.SegmentSize + 1; seq <= DocumentLimits.TailSlots; seq++)
            {
                Assert.Equal(seq, await Type(seq).WaitAsync(guard));
            }
            // until the ring is full: the next op's slot still holds op 1, which is not archived yet. Once a cursor can
            // be placed on its version, the op is applied, and its acknowledgement can only be waiting for that slot.
            var waiting = Type(DocumentLimits.TailSlots + 1);
            while (!await AppliedAsync(document, writers[1], DocumentLimits.TailSlots + 1).WaitAsync(guard))
            {
                await Task.Delay(10);
            }
            Assert.False(waiting.IsCompleted);
            // Readers see only what is stored: the op is applied, but nobody may read it yet.
            Assert.Equal(DocumentLimits.TailSlots, (await document.OpenAsync(writers[1])).Document.Version);
            fixture.StorageGate.Release();
            Assert.Equal(DocumentLimits.TailSlots + 1, await waiting.WaitAsync(guard));
        }
        finally
        {
            fixture.StorageGate.Release();
        }

        await fixture.DeactivateAllAsync();
        var reopened = await document.OpenAsync(writers[1]);
        Assert.Equal(DocumentLimits.TailSlots + 1L, reopened.Document.Version);
        Assert.Equal(new string('x', DocumentLimits.TailSlots + 1), reopened.Document.Text);
        Assert.Equal("x", (await document.GetAtVersionAsync(writers[1], 1)).Text);
    }

    [Fact]
    public async Task AFailedArchive_LosesNothingAcknowledged_AndTheDocumentArchivesItsFullTailOnReload()
    {
        var (doc, writers, _) = await DocumentAsync("");
        var document = Grains.GetDocument(doc);
        var guard = TimeSpan.FromSeconds(30);
        Task<long> Type(int seq) => AppendX(document, writers[0], seq);

        fixture.StorageGate.Hold("segment");
        try
        {
            for (var seq = 1; seq <= DocumentLimits.TailSlots; seq++)
            {
                await Type(seq).WaitAsync(guard);
                if (seq == DocumentLimits.SegmentSize)
                {
                    await fixture.StorageGate.Reached.WaitAsync(guard);
                }
            }
        }
        finally
        {
            // The archive's segment write fails (as on a full disk) after ops 33-64 were acknowledged beside it:
            // the tail ring is full, and stays so in storage.
            fixture.StorageGate.Release(new IOException("No space left on device"));
        }

        // Typing goes on as a client would: an op refused as unavailable is sent again with the same seq. The
        // document must not archive later segments over the missing one, but start again from storage, where it
        // finds its ring full and archives before it stores the next op.
        var refused = 0;
        for (var seq = DocumentLimits.TailSlots + 1; seq <= DocumentLimits.TailSlots + 10; seq++)
        {
            while (true)
            {
                try
                {
                    await Type(seq).WaitAsync(guard);
                    break;
                }
                catch (CopLiveException e) when (e.Code == CopLiveError.Unavailable && ++refused < 100)
                {
                    await Task.Delay(10);
                }
            }
        }
        await fixture.DeactivateAllAsync();
        var final = await document.OpenAsync(writers[1]);

        Assert.Equal(DocumentLimits.TailSlots + 10L, final.Document.Version);
        Assert.Equal(new string('x', DocumentLimits.TailSlots + 10), final.Document.Text);
        Assert.Equal("xx", (await document.GetAtVersionAsync(writers[1], 2)).Text);
        var all = await document.GetOpsAsync(writers[1], 0, 1_000);
        Assert.Equal(Enumerable.Range(1, DocumentLimits.TailSlots + 10).Select(v => (long)v), all.Ops.Select(o => o.Version));
    }

    [Fact]
    public async Task Gateways_HearOnlyStoredOps_InContiguousBatches()
    {
        var (doc, writers, _) = await DocumentAsync("");
        var document = Grains.GetDocument(doc);
        var observer = new RecordingObserver();
        var reference = Grains.CreateObjectReference<IDocumentObserver>(observer);
        await document.SubscribeAsync(reference);
        var guard = TimeSpan.FromSeconds(30);

        fixture.StorageGate.Hold(DocumentTail.StateName);
        Task<long>[] typed;
        try
        {
            // Five tabs type at once, each on version 0: the first is applied and its write held; the rest are
            // applied meanwhile and ride the next write.
            typed = [.. Enumerable.Range(1, 5).Select(tab => document.SubmitAsync(writers[0], new OpSubmission($"tab-{tab}", 1, 0, Insert(0, "x"))))];
            await fixture.StorageGate.Reached.WaitAsync(guard);
            // The first write is held at the gate: nothing is stored, so nothing may be acknowledged or heard.
            Assert.All(typed, t => Assert.False(t.IsCompleted));
            Assert.Empty(observer.Batches);
        }
        finally
        {
            fixture.StorageGate.Release();
        }
        Assert.Equal([1L, 2, 3, 4, 5], (await Task.WhenAll(typed).WaitAsync(guard)).Order());
        // Notifications are one-way messages, which may arrive out of order (the gateway puts them back in order).
        for (var version = 1; version <= 5; version++)
        {
            await observer.WaitForVersionAsync(version);
        }

        var batches = observer.Batches.ToList();
        Assert.All(batches, b => Assert.Equal(Enumerable.Range((int)b[0], b.Length).Select(v => (long)v), b));
        Assert.Equal([1L, 2, 3, 4, 5], batches.SelectMany(b => b).Order());
        Assert.Equal(5, batches.Sum(b => b.Length));
        Assert.All(observer.Authors, a => Assert.Equal(writers[0].Member, a));
    }

    [Fact]
    public async Task Readers_SeeOnlyStoredOps_NeverOneACrashCouldLose()
    {
        var (doc, writers, _) = await DocumentAsync("plan");
        var document = Grains.GetDocument(doc);
        var guard = TimeSpan.FromSeconds(30);

        fixture.StorageGate.Hold(DocumentTail.StateName);
        Task<long> typed;
        try
        {
            typed = document.SubmitAsync(writers[0], new OpSubmission("tab", 1, 0, Insert(4, " for Monday")));
            await fixture.StorageGate.Reached.WaitAsync(guard);
            var opened = await document.OpenAsync(writers[1]);
            var ops = await document.GetOpsAsync(writers[1], 0, 100);
            var current = await document.GetAtVersionAsync(writers[1], null);
            var ahead = await Assert.ThrowsAsync<CopLiveException>(() => document.GetAtVersionAsync(writers[1], 1));

            Assert.Equal((0L, "plan"), (opened.Document.Version, opened.Document.Text));
            Assert.Equal((0L, 0), (ops.HeadVersion, ops.Ops.Length));
            Assert.Equal((0L, "plan"), (current.Version, current.Text));
            Assert.Equal("version", ahead.Field);
        }
        finally
        {
            fixture.StorageGate.Release();
        }
        Assert.Equal(1, await typed.WaitAsync(guard));
        Assert.Equal("plan for Monday", (await document.OpenAsync(writers[1])).Document.Text);
        Assert.Single((await document.GetOpsAsync(writers[1], 0, 100)).Ops);
    }

    [Fact]
    public async Task Cursors_FollowTheTextAsOthersEdit()
    {
        var (doc, writers, _) = await DocumentAsync("hello");
        var document = Grains.GetDocument(doc);

        await document.MoveCursorAsync(writers[0], "tab-a", 0, 5, 5);
        await document.SubmitAsync(writers[1], new OpSubmission("tab-b", 1, 0, Insert(0, ">> ")));
        var cursors = (await document.OpenAsync(writers[1])).Cursors;

        var cursor = Assert.Single(cursors);
        Assert.Equal((8, 8), (cursor.Anchor, cursor.Head));
        Assert.Equal("tab-a", cursor.ClientId);
        Assert.Equal("Teacher 0", cursor.DisplayName);
    }

    [Fact]
    public async Task AFloodFromOneMember_IsRateLimited_WhileOthersStillWrite()
    {
        var (doc, writers, _) = await DocumentAsync("");
        var document = Grains.GetDocument(doc);

        CopLiveException? limited = null;
        for (var i = 1; limited is null && i <= DocumentLimits.OpsBurst + 1; i++)
        {
            try
            {
                await document.SubmitAsync(writers[0], new OpSubmission("flood", i, i - 1, Insert(0, "x")));
            }
            catch (CopLiveException e)
            {
                limited = e;
            }
        }
        var version = (await document.OpenAsync(writers[1])).Document.Version;
        var other = await document.SubmitAsync(writers[1], new OpSubmission("calm", 1, version, Insert(0, "y")));

        Assert.NotNull(limited);
        Assert.Equal(CopLiveError.RateLimited, limited.Code);
        Assert.Contains("retry after", limited.Message);
        Assert.Equal(DocumentLimits.OpsBurst, version);
        Assert.Equal(version + 1, other);
    }

    /// <summary>Whether <paramref name="version"/> is applied (stored or not): only then can a cursor be placed on it.</summary>
    private static async Task<bool> AppliedAsync(IDocumentGrain document, Caller reader, long version)
    {
        try
        {
            await document.MoveCursorAsync(reader, "probe", version, 0, 0);
            return true;
        }
        catch (CopLiveException e) when (e.Field == "version")
        {
            return false;
        }
    }

    /// <summary>One client's op <paramref name="seq"/>, typing "x" at the end, a tenth of a second after the last.</summary>
    private Task<long> AppendX(IDocumentGrain document, Caller writer, int seq)
    {
        fixture.Clock.Advance(NodaTime.Duration.FromMilliseconds(100));
        return document.SubmitAsync(writer, new OpSubmission("tab", seq, seq - 1, Insert(seq - 1, "x")));
    }

    private static TextOp Insert(int at, string text) => TextOp.At(at, OpComponent.Insert(text));

    private async Task<(DocumentId Document, IReadOnlyList<Caller> Writers, Caller Observer)> DocumentAsync(string text)
    {
        var community = CommunityId.New();
        var invites = await Grains.GetCommunity(community).CreateAsync(Caller.Admin, new NewCommunity("PLC", null, "UTC"));
        var writers = new List<Caller>();
        for (var i = 0; i < 3; i++)
        {
            writers.Add(await Community.JoinAsync(Grains, community, i == 0 ? invites.Facilitator : invites.Member, $"Teacher {i}"));
        }
        var observer = await Community.JoinAsync(Grains, community, invites.Observer, "Visitor");
        var view = await Grains.GetCommunity(community).CreateDocumentAsync(writers[0], new NewDocument("Lesson plan", text));
        return (view.Id, writers, observer);
    }

    private sealed class RecordingObserver : IDocumentObserver
    {
        private readonly ConcurrentQueue<CommittedOp> _ops = new();
        private readonly ConcurrentQueue<long[]> _batches = new();
        private readonly SemaphoreSlim _signal = new(0);

        public IEnumerable<long> Versions => _ops.Select(o => o.Version);

        /// <summary>The versions of each notification, as it came.</summary>
        public IEnumerable<long[]> Batches => _batches;

        public IEnumerable<MemberId> Authors => _ops.Select(o => o.Author);

        public Task OpsCommitted(DocumentId document, ImmutableArray<CommittedOp> ops)
        {
            _batches.Enqueue([.. ops.Select(o => o.Version)]);
            foreach (var op in ops)
            {
                _ops.Enqueue(op);
            }
            _signal.Release();
            return Task.CompletedTask;
        }

        public Task CursorsChanged(DocumentId document, long version, ImmutableArray<DocumentCursor> cursors) => Task.CompletedTask;

        public Task LockChanged(DocumentId document, bool locked) => Task.CompletedTask;

        public async Task WaitForVersionAsync(long version)
        {
            while (!_ops.Any(o => o.Version == version))
            {
                Assert.True(await _signal.WaitAsync(TimeSpan.FromSeconds(10)), $"version {version} never arrived");
            }
        }
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteDocumentGrainTests(SqliteClusterFixture fixture)
    : DocumentGrainTests<SqliteClusterFixture>(fixture);

[Collection(PostgresCluster.Name)]
public sealed class PostgresDocumentGrainTests(PostgresClusterFixture fixture)
    : DocumentGrainTests<PostgresClusterFixture>(fixture);
