using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>Membership, roles, invites and the session list of one community.</summary>
[GrainType("coplive.community")]
public sealed partial class CommunityGrain(
    [PersistentState("community", StorageNames.Default)] IPersistentState<CommunityState> state,
    IClock clock,
    ILogger<CommunityGrain> logger) : PersistentGrain, ICommunityGrain, ICommunityGrainInternal
{
    /// <summary>How long an invite code admits people; rotating a role's code gives it a fresh one.</summary>
    public static readonly Duration InviteLifetime = Duration.FromDays(90);

    /// <summary>Audit entries kept in the community's own state; older ones move to archive blocks.</summary>
    public const int AuditKept = 2_000;

    /// <summary>Entries per archived audit block.</summary>
    public const int AuditBlock = 500;

    private static readonly CommunityRole[] InvitedRoles =
        [CommunityRole.Owner, CommunityRole.Facilitator, CommunityRole.Member, CommunityRole.Observer];

    private CommunityState State => state.State;
    private CommunityId Id => new(this.GetPrimaryKey());

    public async Task<InviteCodes> CreateAsync(Caller caller, NewCommunity request)
    {
        if (!caller.IsAdmin)
        {
            throw CopLiveException.Forbidden("Only the administrator can create communities.");
        }
        if (State.Created)
        {
            throw new CopLiveException(CopLiveError.Conflict, "This community already exists.");
        }

        var name = Require.Text("name", request.Name, Limits.NameLength);
        var description = Require.OptionalText("description", request.Description, Limits.DescriptionLength);
        var zone = Require.TimeZone("timeZone", request.TimeZone);

        // Directory entries first: a crash before the state write leaves harmless entries pointing at a
        // community that does not exist, never a community whose codes cannot be found.
        var now = clock.GetCurrentInstant();
        var codes = new Dictionary<CommunityRole, InviteCode>();
        foreach (var role in InvitedRoles)
        {
            codes[role] = await IssueInviteAsync(role, now);
        }

        State.Created = true;
        State.Name = name;
        State.Description = description;
        State.TimeZone = zone.Id;
        State.CreatedAt = now;
        Audit(caller, "community.created", null, name, null);
        await SaveAsync();

        await GrainFactory.GetDirectoryInternal().CommunityCreatedAsync(Id, name);

        LogCreated(Id, name, zone.Id);
        return new InviteCodes(
            codes[CommunityRole.Owner].ToString(),
            codes[CommunityRole.Facilitator].ToString(),
            codes[CommunityRole.Member].ToString(),
            codes[CommunityRole.Observer].ToString());
    }

    public async Task<JoinedCommunity> JoinAsync(JoinRequest request)
    {
        var invite = State.Created ? State.Invites.Find(i => i.Hash == request.InviteHash) : null;
        if (invite is null)
        {
            throw CopLiveException.Invalid("inviteCode", "This invite code is not valid. Check it, or ask your facilitator for a new one.");
        }
        if (invite.RevokedAt is not null)
        {
            throw CopLiveException.Invalid("inviteCode", "This invite code has been revoked. Ask your facilitator for a new one.");
        }
        if (invite.ExpiresAt <= clock.GetCurrentInstant())
        {
            throw CopLiveException.Invalid("inviteCode", "This invite code has expired. Ask your facilitator for a new one.");
        }

        if (State.Banned.Contains(request.Member))
        {
            throw CopLiveException.Forbidden("You have been removed from this community.");
        }
        var displayName = Require.Text("displayName", request.DisplayName, Limits.NameLength);
        var zone = request.TimeZone is null ? State.TimeZone : Require.TimeZone("timeZone", request.TimeZone).Id;

        var profile = await GrainFactory.GetMemberInternal(request.Member).JoinedCommunityAsync(Id, displayName, zone);

        var entry = State.FindMember(request.Member);
        if (entry is null)
        {
            entry = new MemberEntry { Member = request.Member, Role = invite.Role, JoinedAt = clock.GetCurrentInstant(), JoinedWith = invite.Hash };
            State.Members.Add(entry);
        }
        else if (invite.Role > entry.Role)
        {
            entry.Role = invite.Role;
        }
        entry.DisplayName = profile.DisplayName;
        Audit(Caller.ForMember(request.Member), "member.joined", request.Member, $"as {entry.Role.ToString().ToLowerInvariant()}", null);
        await SaveAsync();

        LogJoined(Id, request.Member, entry.Role);
        return new JoinedCommunity(Id, entry.Role, profile);
    }

    public Task<CommunityDetails> GetAsync(Caller caller)
    {
        EnsureCanRead(caller);
        var members = State.Members
            .Select(m => new CommunityMember(m.Member, m.DisplayName, m.Role, m.JoinedAt))
            .ToImmutableArray();
        return Task.FromResult(new CommunityDetails(
            Id, State.Name, State.Description, State.TimeZone, State.CreatedAt, members, Upcoming(), [.. State.Documents]));
    }

    public Task<CommunityRole?> GetRoleAsync(MemberId member) =>
        Task.FromResult(State.Created ? State.FindMember(member)?.Role : null);

    public Task<CommunityMember?> GetMembershipAsync(Caller caller) =>
        caller.IsAdmin ? Task.FromResult<CommunityMember?>(null) : GetMemberAsync(caller.Member);

    public Task<CommunityMember?> GetMemberAsync(MemberId member)
    {
        var entry = State.Created ? State.FindMember(member) : null;
        return Task.FromResult(entry is null ? null : new CommunityMember(entry.Member, entry.DisplayName, entry.Role, entry.JoinedAt));
    }

    public async Task<DocumentView> CreateDocumentAsync(Caller caller, NewDocument request)
    {
        await EnsureRoleAsync(caller, CommunityRole.Member, "Observers can read documents but not create them.", "document.create");

        var setup = DocumentRules.Setup(Id, request, caller.Member, clock.GetCurrentInstant());
        var id = DocumentId.New();

        // As with sessions: the document exists before the community lists it.
        var view = await GrainFactory.GetDocumentInternal(id).InitializeAsync(setup);
        State.Documents.Add(new DocumentSummary(id, setup.Title));
        await SaveAsync();

        LogDocumentCreated(Id, id);
        return view;
    }

    public async Task<SessionDetails> ScheduleSessionAsync(Caller caller, NewSession request)
    {
        await EnsureRoleAsync(caller, CommunityRole.Facilitator, "Only facilitators and owners can schedule sessions.", "session.schedule");

        var now = clock.GetCurrentInstant();
        var plan = SessionSchedule.Plan(Id, request, caller.Member, now);
        var sessionId = SessionId.New();

        // Every session gets its own lesson plan, which the whole group co-edits and breakout notes flow into.
        var lessonPlan = new DocumentSetup(Id, $"Lesson plan: {plan.Title}", $"# {plan.Title}\n", caller.Member, now, sessionId);
        var document = await GrainFactory.GetDocumentInternal(DocumentId.New()).InitializeAsync(lessonPlan);

        // The session grain holds the plan before the community lists it: a crash in between leaves an
        // unlisted session, never a listed one that does not exist.
        var details = await GrainFactory.GetSessionInternal(sessionId).InitializeAsync(plan with { MainDocument = document.Id });
        State.Documents.Add(new DocumentSummary(document.Id, lessonPlan.Title));
        State.Sessions.Add(details.Summary);
        await SaveAsync();
        await GrainFactory.GetDirectoryInternal().SessionChangedAsync(details.Summary);

        LogScheduled(Id, sessionId, plan.Start);
        return details;
    }

    public async Task SessionUpdatedAsync(SessionSummary summary)
    {
        var index = State.Sessions.FindIndex(s => s.Id == summary.Id);
        if (index >= 0 && State.Sessions[index] != summary)
        {
            State.Sessions[index] = summary;
            await SaveAsync();
            await GrainFactory.GetDirectoryInternal().SessionChangedAsync(summary);
        }
    }

    public Task<CommunityUpcoming> GetUpcomingSessionsAsync(Caller caller)
    {
        EnsureCanRead(caller);
        return Task.FromResult(new CommunityUpcoming(Id, State.Name, Upcoming()));
    }

    public async Task<CommunityMember> SetRoleAsync(Caller caller, MemberId member, CommunityRole role, string? reason)
    {
        await EnsureRoleAsync(caller, CommunityRole.Facilitator, "Only facilitators and owners can change roles.", "role.change", member);
        EnsureInvitedRole(role);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = State.FindMember(member) ?? throw CopLiveException.Invalid("member", "That person is not a member of this community.");
        var actorRole = caller.IsAdmin ? CommunityRole.Owner : State.FindMember(caller.Member)!.Role;

        if (actorRole < CommunityRole.Owner && (target.Role == CommunityRole.Owner || role == CommunityRole.Owner))
        {
            Audit(caller, "role.change", member, $"{Describe(target.Role)} → {Describe(role)}", why, "refused");
            await SaveAsync();
            throw CopLiveException.Forbidden("Only owners can make or unmake owners.");
        }
        if (target.Role == CommunityRole.Owner && role < CommunityRole.Owner && State.Members.Count(m => m.Role == CommunityRole.Owner) == 1)
        {
            throw new CopLiveException(CopLiveError.Conflict, "This is the community's last owner; make someone else an owner first.");
        }
        if (target.Role != role)
        {
            Audit(caller, "role.changed", member, $"{Describe(target.Role)} → {Describe(role)}", why);
            target.Role = role;
            await SaveAsync();
            // Documents cache rights briefly; a demotion must not wait for the cache to expire.
            await Task.WhenAll(State.Documents.Select(d => GrainFactory.GetDocumentInternal(d.Id).ForgetMemberAsync(member)));
            LogRoleChanged(Id, member, role);
        }
        return new CommunityMember(target.Member, target.DisplayName, target.Role, target.JoinedAt);
    }

    public async Task BanAsync(Caller caller, MemberId member, string? reason)
    {
        await EnsureRoleAsync(caller, CommunityRole.Facilitator, "Only facilitators and owners can ban members.", "member.ban", member);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = State.FindMember(member) ?? throw CopLiveException.Invalid("member", "That person is not a member of this community.");
        if (!caller.IsAdmin && caller.Member == member)
        {
            throw CopLiveException.Invalid("member", "You cannot ban yourself; leave the community instead.");
        }
        var actorRole = caller.IsAdmin ? CommunityRole.Owner : State.FindMember(caller.Member)!.Role;
        if (actorRole < CommunityRole.Owner && target.Role >= actorRole)
        {
            Audit(caller, "member.ban", member, null, why, "refused");
            await SaveAsync();
            throw CopLiveException.Forbidden("You can only ban members below your own role.");
        }
        if (target.Role == CommunityRole.Owner && State.Members.Count(m => m.Role == CommunityRole.Owner) == 1)
        {
            throw new CopLiveException(CopLiveError.Conflict, "This is the community's last owner.");
        }

        Audit(caller, "member.banned", member, null, why);
        State.Members.Remove(target);
        State.Banned.Add(member);
        await SaveAsync();

        // The ban holds from here on (every grain asks the community); now make it bite at once everywhere.
        await CutOffAsync(member, $"removed from {State.Name}");
        LogBanned(Id, member);
    }

    public async Task UnbanAsync(Caller caller, MemberId member, string? reason)
    {
        await EnsureRoleAsync(caller, CommunityRole.Owner, "Only owners can lift a ban.", "member.unban", member);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        if (State.Banned.Remove(member))
        {
            Audit(caller, "member.unbanned", member, null, why);
            await SaveAsync();
        }
    }

    public async Task DocumentsCreatedAsync(ImmutableArray<DocumentSummary> documents)
    {
        var fresh = documents.Where(document => !State.Documents.Exists(d => d.Id == document.Id)).ToList();
        if (fresh.Count > 0)
        {
            State.Documents.AddRange(fresh);
            await SaveAsync();
        }
    }

    public async Task LeaveAsync(Caller caller)
    {
        EnsureExists();
        var entry = caller.IsAdmin ? null : State.FindMember(caller.Member);
        if (entry is null)
        {
            throw CopLiveException.Forbidden("You are not a member of this community.");
        }
        if (entry.Role == CommunityRole.Owner && State.Members.Count(m => m.Role == CommunityRole.Owner) == 1)
        {
            throw new CopLiveException(CopLiveError.Conflict, "You are the community's last owner; make someone else an owner before leaving.");
        }

        Audit(caller, "member.left", caller.Member, null, null);
        State.Members.Remove(entry);
        await SaveAsync();
        await CutOffAsync(caller.Member, $"left {State.Name}");
    }

    public async Task RecordAsync(Caller actor, string action, MemberId? target, string? detail, string? reason, string outcome)
    {
        EnsureExists();
        Audit(actor, action, target, detail, reason, outcome == "refused" ? "refused" : "done");
        await SaveAsync();
    }

    public async Task<ImmutableArray<AuditEntry>> GetAuditAsync(Caller caller, long? before, int limit)
    {
        EnsureCanRead(caller);
        limit = Math.Clamp(limit, 1, 200);
        var everything = caller.IsAdmin || State.FindMember(caller.Member)!.Role >= CommunityRole.Facilitator;
        bool Visible(AuditEntry a) => (before is null || a.Id < before) && (everything || a.Target == caller.Member);

        var page = State.Audit.Where(Visible).OrderByDescending(a => a.Id).Take(limit).ToList();
        var oldestKept = State.Audit.Count > 0 ? State.Audit[0].Id : State.NextAuditId + 1;
        for (var block = (Math.Min(before ?? long.MaxValue, oldestKept) - 2) / AuditBlock; page.Count < limit && block >= 0; block--)
        {
            var archived = await GrainFactory.GetGrain<IAuditArchiveGrain>(AuditArchiveGrain.Key(Id.Value, block)).GetAsync();
            page.AddRange(archived.Where(a => Visible(a) && a.Id < oldestKept).OrderByDescending(a => a.Id).Take(limit - page.Count));
        }
        return [.. page];
    }

    private static string Describe(CommunityRole role) => role.ToString().ToLowerInvariant();

    public async Task<string> RotateInviteAsync(Caller caller, CommunityRole role)
    {
        await EnsureRoleAsync(caller, CommunityRole.Owner, "Only owners can change invite codes.", "invite.rotate");
        EnsureInvitedRole(role);

        var now = clock.GetCurrentInstant();
        RevokeActive(role, now);
        var code = await IssueInviteAsync(role, now);
        Audit(caller, "invite.rotated", null, role.ToString().ToLowerInvariant(), null);
        await SaveAsync();
        return code.ToString();
    }

    public async Task RevokeInviteAsync(Caller caller, CommunityRole role, bool removeMembers)
    {
        await EnsureRoleAsync(caller, CommunityRole.Owner, "Only owners can revoke invite codes.", "invite.revoke");
        EnsureInvitedRole(role);

        var hashes = State.Invites.Where(i => i.Role == role && i.RevokedAt is null).Select(i => i.Hash).ToHashSet();
        if (RevokeActive(role, clock.GetCurrentInstant()))
        {
            Audit(caller, "invite.revoked", null, role.ToString().ToLowerInvariant(), null);
        }
        var removed = removeMembers
            ? State.Members.Where(m => m.JoinedWith is { } h && hashes.Contains(h) && m.Role == role && m.Role != CommunityRole.Owner).ToList()
            : [];
        foreach (var member in removed)
        {
            Audit(caller, "member.removedWithInvite", member.Member, role.ToString().ToLowerInvariant(), null);
            State.Members.Remove(member);
        }
        await SaveAsync();

        foreach (var member in removed)
        {
            await CutOffAsync(member.Member, $"the invite used to join {State.Name} was revoked");
        }
    }

    /// <summary>Makes a lost membership bite at once: cached rights dropped, profile updated, open connections closed.</summary>
    private async Task CutOffAsync(MemberId member, string reason)
    {
        await Task.WhenAll(State.Documents.Select(d => GrainFactory.GetDocumentInternal(d.Id).ForgetMemberAsync(member)));
        var profile = GrainFactory.GetMemberInternal(member);
        await profile.LeftCommunityAsync(Id);
        await profile.RevokeAccessAsync(reason);
    }

    private async Task<InviteCode> IssueInviteAsync(CommunityRole role, Instant now)
    {
        var code = InviteCode.New();
        await GrainFactory.GetInviteInternal(code).RegisterAsync(Id);
        State.Invites.Add(new InviteEntry { Role = role, Hash = code.Hash, CreatedAt = now, ExpiresAt = now + InviteLifetime });
        return code;
    }

    private bool RevokeActive(CommunityRole role, Instant now)
    {
        var revoked = false;
        foreach (var invite in State.Invites.Where(i => i.Role == role && i.RevokedAt is null))
        {
            invite.RevokedAt = now;
            revoked = true;
        }
        return revoked;
    }

    private ImmutableArray<SessionSummary> Upcoming()
    {
        var now = clock.GetCurrentInstant();
        return State.Sessions
            .Where(s => s.Status != SessionStatus.Ended && s.End > now)
            .OrderBy(s => s.Start)
            .ToImmutableArray();
    }

    private void EnsureExists()
    {
        if (!State.Created)
        {
            throw CopLiveException.NotFound("There is no such community.");
        }
    }

    private void EnsureCanRead(Caller caller)
    {
        EnsureExists();
        if (!caller.IsAdmin && State.FindMember(caller.Member) is null)
        {
            throw CopLiveException.Forbidden("You are not a member of this community.");
        }
    }

    /// <summary>Refuses callers below <paramref name="least"/>; a refused privileged call is itself recorded in the audit log.</summary>
    private async Task EnsureRoleAsync(Caller caller, CommunityRole least, string refusal, string action, MemberId? target = null)
    {
        EnsureExists();
        if (caller.IsAdmin)
        {
            return;
        }
        var role = State.FindMember(caller.Member)?.Role;
        if (role is null || role < least)
        {
            Audit(caller, action, target, null, null, "refused");
            await SaveAsync();
            throw CopLiveException.Forbidden(refusal);
        }
    }

    private void Audit(Caller actor, string action, MemberId? target, string? detail, string? reason, string outcome = "done")
    {
        var actorName = actor.IsAdmin ? "admin" : State.FindMember(actor.Member)?.DisplayName ?? "someone outside the community";
        var targetName = target is { } t ? State.FindMember(t)?.DisplayName : null;
        State.Audit.Add(new AuditEntry(++State.NextAuditId, clock.GetCurrentInstant(), actor.Member, actorName, action, target, targetName, detail, reason, outcome));
    }

    private async Task SaveAsync()
    {
        await ArchiveAuditAsync();
        await PersistAsync(state);
    }

    /// <summary>Moves whole blocks of the oldest entries to write-once archive grains once the list is long (before the state write).</summary>
    private async Task ArchiveAuditAsync()
    {
        while (State.Audit.Count > AuditKept + AuditBlock)
        {
            var block = (State.Audit[0].Id - 1) / AuditBlock;
            var entries = State.Audit.TakeWhile(e => (e.Id - 1) / AuditBlock == block).ToImmutableArray();
            await GrainFactory.GetGrain<IAuditArchiveGrain>(AuditArchiveGrain.Key(Id.Value, block)).StoreAsync(entries);
            State.Audit.RemoveRange(0, entries.Length);
        }
    }

    private static void EnsureInvitedRole(CommunityRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw CopLiveException.Invalid("role", $"'role' must be one of {string.Join(", ", InvitedRoles)}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Community {CommunityId} created: {Name} ({TimeZone})")]
    private partial void LogCreated(CommunityId communityId, string name, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} joined community {CommunityId} as {Role}")]
    private partial void LogJoined(CommunityId communityId, MemberId memberId, CommunityRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} banned from community {CommunityId}")]
    private partial void LogBanned(CommunityId communityId, MemberId memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} of community {CommunityId} is now {Role}")]
    private partial void LogRoleChanged(CommunityId communityId, MemberId memberId, CommunityRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} created in community {CommunityId}")]
    private partial void LogDocumentCreated(CommunityId communityId, DocumentId documentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} scheduled in community {CommunityId} at {Start}")]
    private partial void LogScheduled(CommunityId communityId, SessionId sessionId, Instant start);
}
