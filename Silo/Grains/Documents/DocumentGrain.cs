using System.Collections.Immutable;
using System.Diagnostics;
using CopLive.Collab.Authorship;
using CopLive.Collab.Text;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Domain;
using CopLive.Silo.Hosting;
using CopLive.Silo.Observability;
using CopLive.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Concurrency;
using Orleans.Storage;
using Orleans.Utilities;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// A co-edited document (DESIGN section 5). Submissions interleave (the grain is reentrant), but each one's
/// validate → transform → apply runs without an await, so ops are ordered exactly as they are applied. Each
/// submission then waits on its acknowledgement while one writer loop stores whatever has accumulated (group
/// commit) and completes those acknowledgements only after the write: an acknowledged op is a stored op.
/// </summary>
[Reentrant]
[GrainType("coplive.document")]
public sealed partial class DocumentGrain(
    [PersistentState("documentHead", StorageNames.Default)] IPersistentState<DocumentHeadState> head,
    [PersistentState("documentSnapshot", StorageNames.Default)] IPersistentState<DocumentSnapshotState> snapshot,
    [FromKeyedServices(StorageNames.Default)] IGrainStorage storage,
    IClock clock,
    IOptions<DocumentOptions> options,
    CopLiveMetrics metrics,
    ILogger<DocumentGrain> logger) : Grain, IDocumentGrain
{
    private static readonly Duration RoleCacheTime = Duration.FromSeconds(5);

    /// <summary>Cursor updates per second per member (a moving caret), and the burst above it.</summary>
    private const double CursorsPerSecond = 20;
    private const int CursorsBurst = 40;
    private static readonly Duration ClientMarkLifetime = Duration.FromDays(30);

    // Transient: observers, cursors, rate buckets, the role cache and unwritten ops live only in this activation.
    private readonly ObserverManager<IDocumentObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private readonly Dictionary<string, CursorEntry> _cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, TokenBucket> _rates = [];
    private readonly Dictionary<MemberId, TokenBucket> _cursorRates = [];
    private readonly Dictionary<Guid, (CommunityMember? Member, Instant FetchedAt)> _roles = [];
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private readonly List<Pending> _unwritten = [];

    private DocumentTail? _tail;
    private long _durable;  // every op through this version is stored
    private long _storedBoundary;  // the archive boundary storage knows of: tail slots of ops after it are live
    private LiveDocument? _document;
    private Task? _writer;  // the write loop, awaited on deactivation
    private bool _writing;  // set while the loop runs; not _writer, which a loop that finishes synchronously outlives
    private Task? _archiver;  // the archive loop, beside the write loop
    private bool _archiving;  // as _writing, for the archive loop
    private Exception? _failure;
    private TaskCompletionSource? _settingsUnwritten;
    private bool _locked;
    private readonly HashSet<Guid> _muted = [];

    private DocumentId Id => new(this.GetPrimaryKey());

    private LiveDocument Document => _document ?? throw CopLiveException.NotFound("There is no such document.");

    private DocumentTail Tail => _tail ??= new DocumentTail(storage, Id.Value);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (head.State.Created)
        {
            var archive = snapshot.State.ToCheckpoint();
            // Snapshots are rarer than archiving: replay the segments archived since the last one, then the tail.
            // (After a crash between the two writes the snapshot can be ahead of the head's boundary.)
            var archived = Math.Max(head.State.ArchivedVersion, snapshot.State.Version);
            var first = snapshot.State.Version / DocumentLimits.SegmentSize;
            var segments = await Task.WhenAll(Enumerable.Range(0, (int)(archived / DocumentLimits.SegmentSize - first)).Select(i => Segment(first + i)));
            var tail = await Tail.LoadAsync(archived, head.State.Tail);
            _document = new LiveDocument(archive, [.. segments.SelectMany(s => s.Ops), .. tail.Select(o => o.ToCommitted())], archived);
            _durable = _document.Version;
            // Slots at or before it were treated as stale just now, so they are free to take (see DocumentTail).
            _storedBoundary = archived;
            _locked = head.State.Locked;
            _muted.UnionWith(head.State.Muted);
            foreach (var (client, mark) in head.State.Clients)
            {
                _marks[client] = new Mark(mark.Seq, mark.Version, Task.FromResult(mark.Version), mark.At);
            }
            foreach (var op in tail)
            {
                // Each client's last op in the tail is newer than any mark the head holds for it.
                _marks[op.ClientId] = new Mark(op.Seq, op.Version, Task.FromResult(op.Version), op.At);
            }
            if (head.State.Tail.Count > 0)
            {
                await MoveTailOutOfHeadAsync(tail);
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writer is { } writer)
        {
            await writer;
        }
        if (_archiver is { } archiver)
        {
            await archiver;
        }
    }

    public async Task<DocumentView> InitializeAsync(DocumentSetup setup)
    {
        if (head.State.Created)
        {
            return head.State.Community == setup.Community && head.State.Title == setup.Title
                ? View(Document.Version, Document.Text)
                : throw new CopLiveException(CopLiveError.Conflict, "This document already exists.");
        }

        var length = CodePoints.Count(setup.Text);
        var checkpoint = new DocumentCheckpoint(
            0, setup.Text, length > 0 ? [new AuthorRun(setup.CreatedBy.Value, length)] : [], new Dictionary<Guid, ContributionCounts>());
        snapshot.State = DocumentSnapshotState.From(checkpoint);
        await snapshot.WriteStateAsync();
        Tail.StartEmpty();
        head.State = new DocumentHeadState
        {
            Created = true,
            Community = setup.Community,
            Title = setup.Title,
            CreatedBy = setup.CreatedBy,
            CreatedAt = setup.CreatedAt,
            Session = setup.Session,
            Muted = setup.Muted.IsDefault ? [] : [.. setup.Muted.Select(m => m.Value)],
        };
        _muted.UnionWith(head.State.Muted);
        await head.WriteStateAsync();

        _document = new LiveDocument(checkpoint, []);
        return View(0, setup.Text);
    }

    public async Task<DocumentOpened> OpenAsync(Caller caller)
    {
        await EnsureCanReadAsync(caller);
        var document = Document;
        return new DocumentOpened(View(document.Version, document.Text), Cursors());
    }

    public async Task<long> SubmitAsync(Caller caller, OpSubmission submission)
    {
        var writer = await EnsureCanWriteAsync(caller);
        var author = writer.Member;
        ValidateClient(submission.ClientId, submission.Seq);

        while (true)
        {
            // From here to the end of the iteration nothing awaits, so no other submission can interleave.
            if (_failure is not null)
            {
                throw Unavailable();
            }
            // Checked here, after every await, so an op already on its way when the mute or lock came is refused too.
            if (_muted.Contains(author.Value))
            {
                throw CopLiveException.Forbidden("You are muted in this session: you can still read, raise your hand and ask for help.");
            }
            if (_locked && writer.Role < CommunityRole.Facilitator)
            {
                throw CopLiveException.Forbidden("A facilitator has locked this document; it is read-only for now.");
            }
            var document = Document;
            if (_marks.TryGetValue(submission.ClientId, out var mark))
            {
                if (submission.Seq == mark.Seq)
                {
                    return await mark.Durable;
                }
                if (submission.Seq < mark.Seq)
                {
                    throw new CopLiveException(CopLiveError.InvalidOp,
                        $"seq {submission.Seq} is older than this client's last op ({mark.Seq}); a client's seq must increase.", "seq");
                }
            }
            if (submission.BaseVersion < document.RecentStart && submission.BaseVersion >= 0
                && submission.BaseVersion >= document.Version - DocumentLimits.RebaseWindow)
            {
                await LoadHistoryAsync(submission.BaseVersion);
                continue;
            }

            var now = clock.GetCurrentInstant();
            if (!Bucket(author).TryTake(now, out var retryAfter))
            {
                metrics.OpRejected("RateLimited");
                throw new CopLiveException(CopLiveError.RateLimited,
                    $"Too many edits; retry after {Math.Ceiling(retryAfter.TotalMilliseconds)} ms.");
            }

            var rebased = document.Rebase(submission.BaseVersion, submission.Op);
            return await StoreAsync(document.Commit(rebased, author, submission.ClientId, submission.Seq, now));
        }
    }

    public async Task<long> AppendSectionAsync(string key, string text, ImmutableArray<AuthorSpan> authors)
    {
        var clientId = $"merge:{key}";
        ValidateClient(clientId, 1);
        if (_failure is not null)
        {
            throw Unavailable();
        }
        if (_marks.TryGetValue(clientId, out var mark))
        {
            // Merged before (perhaps by a round closing twice, or again after a crash): never twice.
            return await mark.Durable;
        }
        var document = Document;
        var op = TextOp.At(document.Length, OpComponent.Insert(text));
        return await StoreAsync(document.Commit(op, default, clientId, 1, clock.GetCurrentInstant(), authors));
    }

    public async Task<DocumentView> SetLockedAsync(Caller caller, bool locked, string? reason)
    {
        var member = await EnsureCanReadAsync(caller);
        if (member is not null && member.Role < CommunityRole.Facilitator)
        {
            await GrainFactory.GetCommunity(head.State.Community).RecordAsync(caller, "document.lock", null, head.State.Title, null, "refused");
            throw CopLiveException.Forbidden("Only facilitators and owners can lock or unlock a document.");
        }
        var why = Domain.Require.OptionalText("reason", reason, Domain.Limits.NameLength);
        if (_locked != locked)
        {
            _locked = locked;
            await WriteSettingsAsync();
            await GrainFactory.GetCommunity(head.State.Community).RecordAsync(
                caller, locked ? "document.locked" : "document.unlocked", null, head.State.Title, why, "done");
        }
        return View(Document.Version, Document.Text);
    }

    public Task ForgetMemberAsync(MemberId member)
    {
        _roles.Remove(member.Value);
        return Task.CompletedTask;
    }

    public async Task SetMutedAsync(MemberId member, bool muted)
    {
        if (muted ? _muted.Add(member.Value) : _muted.Remove(member.Value))
        {
            await WriteSettingsAsync();
        }
    }

    /// <summary>Stores a settings change through the writer loop (the only writer of the head), and waits for it.</summary>
    private Task WriteSettingsAsync()
    {
        if (_failure is not null)
        {
            throw Unavailable();
        }
        var written = _settingsUnwritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StartWriting();
        return written.Task;
    }

    public Task<AuthoredText> GetTextWithAuthorsAsync()
    {
        var document = Document;
        return Task.FromResult(new AuthoredText(
            document.Text, [.. document.Runs.Select(r => new AuthorSpan(new MemberId(r.Author), r.Length))], document.Version));
    }

    /// <summary>Queues a just-applied op for the next write and waits until it is stored.</summary>
    private Task<long> StoreAsync(CommittedOp committed)
    {
        var ack = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _marks[committed.ClientId] = new Mark(committed.Seq, committed.Version, ack.Task, committed.At);
        _unwritten.Add(new Pending(committed, StoredOp.From(committed), ack, Stopwatch.GetTimestamp()));
        MoveCursorsThrough(committed.Op);
        StartWriting();
        return ack.Task;
    }

    public async Task<OpsPage> GetOpsAsync(Caller caller, long fromVersion, int limit)
    {
        await EnsureCanReadAsync(caller);
        if (fromVersion < 0)
        {
            throw CopLiveException.Invalid("from", "'from' must be 0 or more.");
        }
        limit = Math.Clamp(limit, 1, 1_000);
        var document = Document;
        var through = Math.Min(document.Version, fromVersion + limit);
        if (fromVersion >= through)
        {
            return new OpsPage([], document.Version);
        }

        var ops = new List<CommittedOp>();
        for (var index = fromVersion / DocumentLimits.SegmentSize; fromVersion + ops.Count < through;)
        {
            var next = fromVersion + ops.Count;
            if (document.Range(next, through) is { } recent)
            {
                ops.AddRange(recent);
                break;
            }
            var segment = await Segment(index++);
            ops.AddRange(segment.Ops.Where(o => o.Version > next && o.Version <= through));
        }
        return new OpsPage([.. ops], document.Version);
    }

    public async Task<DocumentView> GetAtVersionAsync(Caller caller, long? version)
    {
        await EnsureCanReadAsync(caller);
        var document = Document;
        var at = version ?? document.Version;
        if (at < 0 || at > document.Version)
        {
            throw CopLiveException.Invalid("version", $"'version' must be between 0 and {document.Version}; it was {at}.");
        }
        if (document.TextAt(at) is { } recent)
        {
            return View(at, recent);
        }

        // Older than the archive boundary: start from the nearest checkpoint segment at or before it.
        var segmentOf = at / DocumentLimits.SegmentSize;
        var index = segmentOf - segmentOf % DocumentLimits.CheckpointEverySegments;
        var first = await Segment(index);
        var text = first.CheckpointText ?? throw new InvalidOperationException($"History segment {index} of {Id} has no checkpoint.");
        for (var segment = first; ; segment = await Segment(++index))
        {
            foreach (var op in segment.Ops.TakeWhile(o => o.Version <= at))
            {
                text = TextType.Apply(text, op.Op);
            }
            if (segment.Ops[^1].Version >= at)
            {
                return View(at, text);
            }
        }
    }

    public async Task<DocumentAuthorship> GetAuthorshipAsync(Caller caller)
    {
        await EnsureCanReadAsync(caller);
        var document = Document;
        return new DocumentAuthorship(
            document.Version,
            [.. document.Runs.Select(r => new AuthorSpan(new MemberId(r.Author), r.Length))],
            [.. document.Contributions()]);
    }

    public async Task MoveCursorAsync(Caller caller, string clientId, long version, int anchor, int head)
    {
        var member = await EnsureCanReadAsync(caller);
        ValidateClient(clientId, 0);
        RateLimit.Take(_cursorRates, caller.Member, CursorsPerSecond, CursorsBurst, clock.GetCurrentInstant(), "cursor updates");
        var document = Document;
        var since = document.Range(version, document.Version)
            ?? throw CopLiveException.Invalid("version", $"'version' must be between {document.RecentStart} and {document.Version}; it was {version}.");
        // The length at the cursor's version, from the ops since: counting the text would cost its whole length.
        var length = document.Length - since.Sum(op => op.Op.LengthDelta);
        if (anchor < 0 || head < 0 || anchor > length || head > length)
        {
            throw CopLiveException.Invalid("anchor", $"A cursor must lie within the document (0 to {length}).");
        }

        var selection = new Selection(anchor, head);
        foreach (var op in since)
        {
            selection = TextType.TransformSelection(selection, op.Op);
        }
        _cursors[clientId] = new CursorEntry(caller.Member, member?.DisplayName ?? "admin", selection);
        NotifyCursors();
    }

    public async Task RemoveCursorAsync(Caller caller, string clientId)
    {
        await EnsureCanReadAsync(caller);
        if (_cursors.TryGetValue(clientId, out var cursor) && (caller.IsAdmin || cursor.Member == caller.Member) && _cursors.Remove(clientId))
        {
            NotifyCursors();
        }
    }

    public Task SubscribeAsync(IDocumentObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IDocumentObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private void StartWriting()
    {
        if (!_writing)
        {
            _writing = true;
            _writer = WriteLoopAsync();
        }
    }

    /// <summary>
    /// Stores everything applied since the last write, acknowledges it and tells the gateways. Runs while there is
    /// something to store; ops applied during a write ride the next one. Archiving runs beside it
    /// (<see cref="ArchiveLoopAsync"/>), so an op is never kept waiting for a segment, snapshot and head to be stored.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        try
        {
            while ((_unwritten.Count > 0 || _settingsUnwritten is not null) && _failure is null)
            {
                // An op may take its tail slot only once the op that held it is archived and the head says so.
                var writable = _unwritten.TakeWhile(p => p.Op.Version <= _storedBoundary + DocumentLimits.TailSlots).Count();
                if (writable == 0)
                {
                    // A tail loaded full (its archiving failed or was cut short) is archived before anything else.
                    StartArchiving();
                }
                if (_archiving && (writable == 0 || _settingsUnwritten is not null))
                {
                    // Wait for the ring to free up, or let the archive's head write go first: the head has one writer at a time.
                    await _archiver!;
                    continue;
                }
                if (writable == 0 && _settingsUnwritten is null)
                {
                    // Unreachable: a full ring always holds a whole segment to archive. Never spin if it did not.
                    Fail(new InvalidOperationException($"The tail of {Id} is full and was not archived."), []);
                    return;
                }
                var batch = _unwritten.GetRange(0, writable).ToArray();
                _unwritten.RemoveRange(0, writable);
                var settings = _settingsUnwritten;
                _settingsUnwritten = null;

                var started = Stopwatch.GetTimestamp();
                try
                {
                    await Tail.WriteAsync([.. batch.Select(p => p.Stored)]);
                    if (batch.Length > 0)
                    {
                        _durable = batch[^1].Op.Version;
                    }
                    if (settings is not null)
                    {
                        await WriteHeadAsync();
                    }
                }
                catch (Exception e)
                {
                    settings?.TrySetException(Unavailable());
                    Fail(e, batch);
                    return;
                }
                metrics.StorageWrite(Stopwatch.GetElapsedTime(started), batch.Length);
                settings?.TrySetResult();

                var ops = batch.Select(p => p.Op).ToImmutableArray();
                foreach (var pending in batch)
                {
                    pending.Ack.TrySetResult(pending.Op.Version);
                    metrics.OpAcknowledged(Stopwatch.GetElapsedTime(pending.AppliedAt));
                }
                await _observers.Notify(o => o.OpsCommitted(Id, ops));
                StartArchiving();
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private void StartArchiving()
    {
        if (!_archiving && _failure is null && Document.TakeArchiveBlocks(_durable) is { Count: > 0 } blocks)
        {
            _archiving = true;
            _archiver = ArchiveLoopAsync(blocks);
        }
    }

    /// <summary>Archives stored ops a segment at a time while enough have accumulated, beside the write loop.</summary>
    private async Task ArchiveLoopAsync(IReadOnlyList<ArchiveBlock> blocks)
    {
        try
        {
            for (; blocks.Count > 0 && _failure is null; blocks = Document.TakeArchiveBlocks(_durable))
            {
                await ArchiveAsync(blocks);
            }
        }
        catch (Exception e)
        {
            Fail(e, []);
        }
        finally
        {
            _archiving = false;
        }
    }

    /// <summary>
    /// Writes full segments, then (when one is due) the snapshot at the new boundary, then the head with the new
    /// boundary. A crash between any two steps leaves storage consistent: segments are write-once, and loading
    /// replays the segments after the snapshot and then only the tail ops after the boundary. Until the head is
    /// stored, no op takes the tail slot of an op being archived (the write loop goes by the stored boundary).
    /// </summary>
    private async Task ArchiveAsync(IReadOnlyList<ArchiveBlock> blocks)
    {
        foreach (var block in blocks)
        {
            await GrainFactory.GetGrain<IDocumentHistoryGrain>(DocumentHistoryGrain.Key(Id.Value, block.Index))
                .StoreAsync(new DocumentSegment(block.Index, [.. block.Ops], block.CheckpointText));
        }

        if (Document.SnapshotDue)
        {
            snapshot.State = DocumentSnapshotState.From(Document.ArchiveCheckpoint);
            await snapshot.WriteStateAsync();
            Document.SnapshotTaken();
        }

        var cutoff = clock.GetCurrentInstant() - ClientMarkLifetime;
        foreach (var stale in _marks.Where(m => m.Value.At < cutoff && m.Value.Durable.IsCompleted).Select(m => m.Key).ToList())
        {
            _marks.Remove(stale);
        }

        await WriteHeadAsync();
        Document.TrimRecent();
        LogArchived(Id, Document.ArchivedVersion);
    }

    /// <summary>
    /// A failed write leaves memory ahead of storage: refuse everything unwritten (nothing was acknowledged), and
    /// discard this activation so the next call starts again from what storage holds.
    /// </summary>
    private void Fail(Exception error, IEnumerable<Pending> batch)
    {
        _failure = error;
        LogWriteFailed(error, Id);
        foreach (var pending in batch.Concat(_unwritten))
        {
            pending.Ack.TrySetException(Unavailable());
        }
        _unwritten.Clear();
        DeactivateOnIdle();
    }

    /// <summary>
    /// Earlier builds kept the tail inside the head. Moves it to the tail ring once: archives the whole segments
    /// first (so the rest fits the ring), stores the rest in its slots, and only then the head without it.
    /// </summary>
    private async Task MoveTailOutOfHeadAsync(IReadOnlyList<StoredOp> tail)
    {
        var blocks = Document.TakeArchiveBlocks(Document.Version);
        await Tail.WriteAsync([.. tail.Where(o => o.Version > Document.ArchivedVersion)]);
        if (blocks.Count > 0)
        {
            await ArchiveAsync(blocks);
        }
        else
        {
            await WriteHeadAsync();
        }
    }

    private async Task WriteHeadAsync()
    {
        var view = HeadView();
        head.State = view;
        await head.WriteStateAsync();
        _storedBoundary = Math.Max(_storedBoundary, view.ArchivedVersion);
    }

    private DocumentHeadState HeadView() => new()
    {
        Created = true,
        Community = head.State.Community,
        Title = head.State.Title,
        CreatedBy = head.State.CreatedBy,
        CreatedAt = head.State.CreatedAt,
        ArchivedVersion = Document.ArchivedVersion,
        Tail = [],
        Locked = _locked,
        Session = head.State.Session,
        Muted = [.. _muted],
        // Only stored ops: a mark must never vouch for an op a crash could still lose. A client whose last op is
        // not stored yet is covered by the tail once it is.
        Clients = _marks
            .Where(m => m.Value.Version <= _durable)
            .ToDictionary(m => m.Key, m => new ClientMark { Seq = m.Value.Seq, Version = m.Value.Version, At = m.Value.At }),
    };

    private async Task LoadHistoryAsync(long baseVersion)
    {
        var document = Document;
        while (document.RecentStart > baseVersion)
        {
            var segment = await Segment((document.RecentStart - 1) / DocumentLimits.SegmentSize);
            var before = document.RecentStart;
            document.PrependHistory(segment.Ops);
            if (document.RecentStart == before)
            {
                break;
            }
        }
    }

    private async Task<DocumentSegment> Segment(long index) =>
        await GrainFactory.GetGrain<IDocumentHistoryGrain>(DocumentHistoryGrain.Key(Id.Value, index)).GetAsync()
        ?? throw new InvalidOperationException($"History segment {index} of document {Id} is missing.");

    private void MoveCursorsThrough(TextOp op)
    {
        if (_cursors.Count == 0)
        {
            return;
        }
        foreach (var client in _cursors.Keys.ToList())
        {
            var cursor = _cursors[client];
            _cursors[client] = cursor with { Selection = TextType.TransformSelection(cursor.Selection, op) };
        }
    }

    private void NotifyCursors()
    {
        var cursors = Cursors();
        var version = Document.Version;
        _ = _observers.Notify(o => o.CursorsChanged(Id, version, cursors));
    }

    private ImmutableArray<DocumentCursor> Cursors() =>
        [.. _cursors.Select(c => new DocumentCursor(c.Value.Member, c.Value.DisplayName, c.Key, c.Value.Selection.Anchor, c.Value.Selection.Head))];

    private TokenBucket Bucket(MemberId member)
    {
        if (!_rates.TryGetValue(member.Value, out var bucket))
        {
            _rates[member.Value] = bucket = new TokenBucket(options.Value.OpsPerSecond, options.Value.OpsBurst);
        }
        return bucket;
    }

    private DocumentView View(long version, string text) =>
        new(Id, head.State.Community, head.State.Title, version, text, Document.Version, _locked);

    private async Task<CommunityMember?> EnsureCanReadAsync(Caller caller)
    {
        if (!head.State.Created)
        {
            throw CopLiveException.NotFound("There is no such document.");
        }
        if (caller.IsAdmin)
        {
            return null;
        }
        return await MemberAsync(caller.Member) ?? throw CopLiveException.Forbidden("You are not a member of this document's community.");
    }

    private async Task<CommunityMember> EnsureCanWriteAsync(Caller caller)
    {
        var member = await EnsureCanReadAsync(caller);
        if (member is null || member.Role < CommunityRole.Member)
        {
            throw CopLiveException.Forbidden(member is null
                ? "Edits need a member's identity; the admin key cannot write documents."
                : "Observers can read this document but not edit it.");
        }
        return member;
    }

    /// <summary>
    /// The caller's membership, asked of the community and cached briefly: every op is checked, but not every
    /// op costs a call to the community.
    /// </summary>
    private async Task<CommunityMember?> MemberAsync(MemberId member)
    {
        var now = clock.GetCurrentInstant();
        if (_roles.TryGetValue(member.Value, out var cached) && now - cached.FetchedAt < RoleCacheTime)
        {
            return cached.Member;
        }
        var fresh = await GrainFactory.GetCommunity(head.State.Community).GetMemberAsync(member);
        _roles[member.Value] = (fresh, now);
        return fresh;
    }

    private static void ValidateClient(string? clientId, long seq)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64)
        {
            throw CopLiveException.Invalid("clientId", "'clientId' must be 1-64 characters.");
        }
        if (seq < 0)
        {
            throw CopLiveException.Invalid("seq", "'seq' must be 0 or more.");
        }
    }

    private static CopLiveException Unavailable() =>
        new(CopLiveError.Unavailable, "The document could not be saved just now; nothing was changed. Please retry.");

    /// <summary>An applied op waiting for its write, in the form it is stored in (made once, on the grain's turn).</summary>
    private sealed record Pending(CommittedOp Op, StoredOp Stored, TaskCompletionSource<long> Ack, long AppliedAt);

    private sealed record Mark(long Seq, long Version, Task<long> Durable, Instant At);

    private sealed record CursorEntry(MemberId Member, string DisplayName, Selection Selection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing document {DocumentId} failed; its unacknowledged ops were refused")]
    private partial void LogWriteFailed(Exception error, DocumentId documentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Document {DocumentId} archived through version {Version}")]
    private partial void LogArchived(DocumentId documentId, long version);
}
