using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Documents;
using CopLive.Silo.Hosting;
using CopLive.Silo.Observability;
using CopLive.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Concurrency;
using Orleans.Storage;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// A co-edited document (docs/architecture.md, the op path), as a thin adapter: rights, then the pure model
/// (<see cref="LiveDocument"/>), group commit (<see cref="DocumentCommitLog"/>), history
/// (<see cref="DocumentHistory"/>) and cursors (<see cref="DocumentCursors"/>). Submissions interleave (the grain
/// is reentrant), but each one's validate → transform → apply runs without an await, so ops are ordered exactly as
/// they are applied; the acknowledgement waits for the write that stores the op.
/// </summary>
[Reentrant]
[GrainType("coplive.document")]
public sealed class DocumentGrain(
    [PersistentState("documentHead", StorageNames.Default)] IPersistentState<DocumentHeadState> head,
    [PersistentState("documentSnapshot", StorageNames.Default)] IPersistentState<DocumentSnapshotState> snapshot,
    [FromKeyedServices(StorageNames.Default)] IGrainStorage storage,
    IClock clock,
    IOptions<DocumentOptions> options,
    CopLiveMetrics metrics,
    ILogger<DocumentGrain> logger) : ObservedGrain<IDocumentObserver>(logger), IDocumentGrain, IDocumentGrainInternal
{
    // Transient: cursors, rate buckets and the role cache live only in this activation; the rest is loaded from storage.
    private readonly DocumentCursors _cursors = new();
    private readonly ClientMarks _marks = new();
    private readonly DocumentSettings _settings = new();
    private readonly MemberRates _rates = new(options.Value.OpsPerSecond, options.Value.OpsBurst, "edits");
    private MemberRoles? _roles;
    private Gatekeeper? _gate;
    private DocumentGrainStore? _store;
    private LiveDocument? _document;
    private DocumentCommitLog? _log;

    private DocumentId Id => new(this.GetPrimaryKey());

    private LiveDocument Document => _document ?? throw CopLiveException.NotFound("There is no such document.");

    private DocumentCommitLog Log => _log ?? throw CopLiveException.NotFound("There is no such document.");

    private DocumentGrainStore Store => _store ??= new DocumentGrainStore(Id.Value, head, snapshot, storage, GrainFactory, _settings);

    private DocumentHistory History => new(Store);

    private MemberRoles Roles => _roles ??= new MemberRoles(GrainFactory.GetCommunityInternal(head.State.Community), clock);

    private Gatekeeper Gate => _gate ??= new Gatekeeper(Roles.MemberAsync, new CommunityRefusalLog(GrainFactory, () => head.State.Community));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!head.State.Created)
        {
            return;
        }
        var tail = await Store.LoadTailAsync(Math.Max(head.State.ArchivedVersion, snapshot.State.Version));
        var document = await History.LoadAsync(snapshot.State.ToCheckpoint(), head.State.ArchivedVersion, [.. tail.Select(o => o.ToCommitted())]);
        _settings.Locked = head.State.Locked;
        _settings.RestoreMuted(head.State.Muted);
        // Each client's last op in the tail is newer than any mark the head holds for it, so the tail comes last.
        _marks.Restore([
            .. head.State.Clients.Select(c => new ClientMark(c.Key, c.Value.Seq, c.Value.Version, c.Value.At)),
            .. tail.Select(op => new ClientMark(op.ClientId, op.Seq, op.Version, op.At))]);
        Start(document);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _log?.DrainAsync() ?? Task.CompletedTask;

    public async Task<DocumentView> InitializeAsync(DocumentSetup setup)
    {
        if (head.State.Created)
        {
            return head.State.Community == setup.Community && head.State.Title == setup.Title
                ? View(Document.Version, Document.Text)
                : throw new CopLiveException(CopLiveError.Conflict, "This document already exists.");
        }

        var checkpoint = DocumentCheckpoint.Initial(setup.Text, setup.CreatedBy.Value);
        var muted = setup.Muted.IsDefault ? [] : setup.Muted.Select(m => m.Value).ToList();
        await Store.CreateAsync(checkpoint, new DocumentHeadState
        {
            Created = true,
            Community = setup.Community,
            Title = setup.Title,
            CreatedBy = setup.CreatedBy,
            CreatedAt = setup.CreatedAt,
            Session = setup.Session,
            Muted = muted,
        });
        _settings.RestoreMuted(muted);
        Start(new LiveDocument(checkpoint, []));
        return View(0, setup.Text);
    }

    public async Task<DocumentOpened> OpenAsync(Caller caller)
    {
        await EnsureCanReadAsync(caller);
        var stored = Log.Durable;
        return new DocumentOpened(View(stored, await History.TextAtAsync(Document, stored)), _cursors.All());
    }

    public async Task<long> SubmitAsync(Caller caller, OpSubmission submission)
    {
        EnsureExists();
        var writer = await Gate.RequireMemberAsync(caller, Right.EditDocument);
        ClientMarks.Validate(submission.ClientId, submission.Seq);

        while (true)
        {
            // From here to the end of the iteration nothing awaits, so no other submission can interleave.
            Log.EnsureWorking();
            // Checked here, after every await, so an op already on its way when the mute or lock came is refused too.
            if (_settings.IsMuted(writer.Member))
            {
                throw CopLiveException.Forbidden("You are muted in this session: you can still read, raise your hand and ask for help.");
            }
            if (_settings.Locked)
            {
                Gatekeeper.Require(writer, Right.EditLockedDocument);
            }
            if (_marks.Resubmitted(submission.ClientId, submission.Seq) is { } first)
            {
                return await first;
            }
            var document = Document;
            if (submission.BaseVersion < document.RecentStart && submission.BaseVersion >= 0
                && submission.BaseVersion >= document.Version - DocumentLimits.RebaseWindow)
            {
                await History.ReachBackAsync(document, submission.BaseVersion);
                continue;
            }

            var now = clock.GetCurrentInstant();
            if (_rates.Refusal(writer.Member, now) is { } limited)
            {
                metrics.OpRejected("RateLimited");
                throw limited;
            }

            var rebased = document.Rebase(submission.BaseVersion, submission.Op);
            return await Commit(document.Commit(rebased, writer.Member, submission.ClientId, submission.Seq, now));
        }
    }

    public async Task<long> AppendSectionAsync(string key, string text, ImmutableArray<AuthorSpan> authors)
    {
        var clientId = $"merge:{key}";
        ClientMarks.Validate(clientId, 1);
        Log.EnsureWorking();
        if (_marks.Resubmitted(clientId, 1) is { } merged)
        {
            // Merged before (perhaps by a round closing twice, or again after a crash): never twice.
            return await merged;
        }
        var document = Document;
        var op = TextOp.At(document.Length, OpComponent.Insert(text));
        return await Commit(document.Commit(op, default, clientId, 1, clock.GetCurrentInstant(), authors));
    }

    public async Task<DocumentView> SetLockedAsync(Caller caller, bool locked, string? reason)
    {
        EnsureExists();
        var action = locked ? AuditActions.DocumentLocked : AuditActions.DocumentUnlocked;
        await Gate.RequireAsync(caller, Right.LockDocument, new Attempt(action, null, head.State.Title));
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        if (_settings.Locked != locked)
        {
            Log.EnsureWorking();
            _settings.Locked = locked;
            await Log.WriteSettingsAsync();
            await GrainFactory.GetCommunityInternal(head.State.Community).RecordAsync(caller, action, null, head.State.Title, why, AuditOutcomes.Done);
            // Every open page learns at once, not from its next refused edit.
            _ = Observers.Notify(o => o.LockChanged(Id, locked));
        }
        return View(Log.Durable, await History.TextAtAsync(Document, Log.Durable));
    }

    public Task ForgetMemberAsync(MemberId member)
    {
        _roles?.Forget(member);
        return Task.CompletedTask;
    }

    public async Task SetMutedAsync(MemberId member, bool muted)
    {
        Log.EnsureWorking();
        if (_settings.SetMuted(member, muted))
        {
            await Log.WriteSettingsAsync();
        }
    }

    public Task<AuthoredText> GetTextWithAuthorsAsync()
    {
        var document = Document;
        return Task.FromResult(new AuthoredText(document.Text, Spans(document), document.Version));
    }

    public async Task<OpsPage> GetOpsAsync(Caller caller, long fromVersion, int limit)
    {
        await EnsureCanReadAsync(caller);
        if (fromVersion < 0)
        {
            throw CopLiveException.Invalid("from", "'from' must be 0 or more.");
        }
        var stored = Log.Durable;
        return new OpsPage([.. await History.OpsAsync(Document, fromVersion, limit, stored)], stored);
    }

    public async Task<DocumentView> GetAtVersionAsync(Caller caller, long? version)
    {
        await EnsureCanReadAsync(caller);
        var stored = Log.Durable;
        var at = version ?? stored;
        if (at < 0 || at > stored)
        {
            throw CopLiveException.Invalid("version", $"'version' must be between 0 and {stored}; it was {at}.");
        }
        return View(at, await History.TextAtAsync(Document, at));
    }

    public async Task<DocumentAuthorship> GetAuthorshipAsync(Caller caller)
    {
        await EnsureCanReadAsync(caller);
        var document = Document;
        return new DocumentAuthorship(document.Version, Spans(document), [.. document.Contributions()]);
    }

    public async Task MoveCursorAsync(Caller caller, string clientId, long version, int anchor, int head)
    {
        var member = await EnsureCanReadAsync(caller);
        ClientMarks.Validate(clientId, 0);
        _cursors.Place(Document, caller.Member, member?.DisplayName ?? "admin", clientId, version, anchor, head, clock.GetCurrentInstant());
        NotifyCursors();
    }

    public async Task RemoveCursorAsync(Caller caller, string clientId)
    {
        await EnsureCanReadAsync(caller);
        if (_cursors.Remove(clientId, caller.Member, caller.IsAdmin))
        {
            NotifyCursors();
        }
    }

    private void Start(LiveDocument document)
    {
        _document = document;
        _log = new DocumentCommitLog(document, Store, _marks, clock, new DocumentCommitReporter(Id, Observers, metrics, logger, DeactivateOnIdle));
    }

    /// <summary>Queues a just-applied op for the next write; the cursors move at once, the ack waits for the write.</summary>
    private Task<long> Commit(CommittedOp committed)
    {
        var ack = Log.Append(committed);
        _cursors.MoveThrough(committed.Op);
        return ack;
    }

    private void NotifyCursors()
    {
        var cursors = _cursors.All();
        var version = Document.Version;
        _ = Observers.Notify(o => o.CursorsChanged(Id, version, cursors));
    }

    private static ImmutableArray<AuthorSpan> Spans(LiveDocument document) =>
        [.. document.Runs.Select(r => new AuthorSpan(new MemberId(r.Author), r.Length))];

    /// <summary>The document at <paramref name="version"/>; its head is the last stored version, never one a crash could lose.</summary>
    private DocumentView View(long version, string text) =>
        new(Id, head.State.Community, head.State.Title, version, text, Log.Durable, _settings.Locked);

    private async Task<CommunityMember?> EnsureCanReadAsync(Caller caller)
    {
        EnsureExists();
        return await Gate.RequireAsync(caller, Right.ReadDocument);
    }

    private void EnsureExists()
    {
        if (!head.State.Created)
        {
            throw CopLiveException.NotFound("There is no such document.");
        }
    }
}
