using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Communities;
using CopLive.Silo.Domain.Practice;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>Membership, roles, invites and the session list of one community.</summary>
[GrainType("coplive.community")]
public sealed class CommunityGrain(
    [PersistentState("community", StorageNames.Default)] IPersistentState<CommunityState> state,
    IClock clock,
    ILogger<CommunityGrain> logger) : PersistentGrain, ICommunityGrain, ICommunityGrainInternal, IRefusalLog
{
    private Gatekeeper? _gate;
    private AuditLog? _audit;

    private CommunityState State => state.State;
    private CommunityId Id => new(this.GetPrimaryKey());

    // The community is the authority on its members, so it asks its own list; its refusals go to its own log.
    private Gatekeeper Gate => _gate ??= new Gatekeeper(m => Task.FromResult(Members.Find(m)), this);

    private Membership Members => new(State);

    private InviteBook Invites => new(State.Invites);

    private CommunityInvites Issuer => new(GrainFactory, Id, Invites);

    private RightsRevocation Revocation => new(GrainFactory, Id, State.Documents);

    private CommunityCalendar Calendar => new(GrainFactory, Id, State);

    private AuditLog AuditLog => _audit ??= new AuditLog(
        State.Audit, () => State.NextAuditId, id => State.NextAuditId = id, m => State.FindMember(m)?.DisplayName,
        new GrainAuditArchive(GrainFactory, Id.Value), clock);

    public async Task<InviteCodes> CreateAsync(Caller caller, NewCommunity request)
    {
        if (!caller.IsAdmin)
        {
            throw AccessRules.For(Right.CreateCommunity).Refuse();
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
        var codes = await Issuer.IssueAllAsync(now);

        State.Created = true;
        State.Name = name;
        State.Description = description;
        State.TimeZone = zone.Id;
        State.CreatedAt = now;
        AuditLog.Add(caller, AuditActions.CommunityCreated, null, name, null);
        await SaveAsync();

        await GrainFactory.GetDirectoryInternal().CommunityCreatedAsync(Id, name);

        logger.CommunityCreated(Id, name, zone.Id);
        return codes;
    }

    public async Task<JoinedCommunity> JoinAsync(JoinRequest request)
    {
        // A community that does not exist has no invites, so its codes are refused as not valid.
        var invite = Invites.Admitting(request.InviteHash, clock.GetCurrentInstant());
        Members.EnsureNotBanned(request.Member);
        var displayName = Require.Text("displayName", request.DisplayName, Limits.NameLength);
        var zone = request.TimeZone is null ? State.TimeZone : Require.TimeZone("timeZone", request.TimeZone).Id;

        var profile = await GrainFactory.GetMemberInternal(request.Member).JoinedCommunityAsync(Id, displayName, zone);

        var entry = Members.Admit(request.Member, invite, profile.DisplayName, clock.GetCurrentInstant());
        AuditLog.Add(Caller.ForMember(request.Member), AuditActions.MemberJoined, request.Member, $"as {entry.Role.ToString().ToLowerInvariant()}", null);
        await SaveAsync();

        logger.MemberJoined(Id, request.Member, entry.Role);
        return new JoinedCommunity(Id, entry.Role, profile);
    }

    public Task<InvitePreview> PreviewInviteAsync(string inviteHash) =>
        Task.FromResult(new InvitePreview(State.Name, Invites.Admitting(inviteHash, clock.GetCurrentInstant()).Role));

    public async Task<CommunityDetails> GetAsync(Caller caller)
    {
        await RequireAsync(caller, Right.ReadCommunity);
        return new CommunityDetails(
            Id, State.Name, State.Description, State.TimeZone, State.CreatedAt, [.. State.Members.Select(Membership.View)], Upcoming(), [.. State.Documents]);
    }

    public Task<CommunityMember?> GetMembershipAsync(Caller caller) =>
        caller.IsAdmin ? Task.FromResult<CommunityMember?>(null) : GetMemberAsync(caller.Member);

    public Task<CommunityMember?> GetMemberAsync(MemberId member) => Task.FromResult(Members.Find(member));

    public async Task<DocumentView> CreateDocumentAsync(Caller caller, NewDocument request)
    {
        await RequireAsync(caller, Right.CreateDocument, new Attempt(AuditActions.DocumentCreated));
        var view = await Calendar.CreateDocumentAsync(request, caller.Member, clock.GetCurrentInstant());
        await SaveAsync();
        logger.DocumentCreated(Id, view.Id);
        return view;
    }

    public async Task<SessionDetails> ScheduleSessionAsync(Caller caller, NewSession request)
    {
        await RequireAsync(caller, Right.ScheduleSession, new Attempt(AuditActions.SessionScheduled));
        var details = await Calendar.ScheduleAsync(FromTemplate(request), caller.Member, clock.GetCurrentInstant());
        await SaveAsync();
        await GrainFactory.GetDirectoryInternal().SessionChangedAsync(details.Summary);
        logger.SessionScheduled(Id, details.Summary.Id, details.Summary.Start);
        return details;
    }

    public async Task<LibraryPage> SearchLibraryAsync(Caller caller, LibraryQuery query)
    {
        await RequireAsync(caller, Right.ReadCommunity);
        var q = LibrarySearch.Validate(query);
        var zone = DateTimeZoneProviders.Tzdb[State.TimeZone];
        var candidates = State.Documents.AsEnumerable().Reverse()
            .Where(d => LibrarySearch.InDates(q, d.CreatedAt, zone) && (q.Tag is not { } tag || (!d.Tags.IsDefault && d.Tags.Contains(tag))));
        // A document whose title does not match is looked for in its text as it is now, all of them at once.
        var found = await Task.WhenAll(candidates.Select(async document =>
            q.Text is not { } text || LibrarySearch.Matches(text, document.Title) ? new LibraryDocument(document, null)
            : LibrarySearch.Snippet(text, (await GrainFactory.GetDocumentInternal(document.Id).GetTextWithAuthorsAsync()).Text) is { } snippet
                ? new LibraryDocument(document, snippet)
                : null));
        var documents = found.OfType<LibraryDocument>().ToImmutableArray();
        var meetings = q.Tag is not null ? [] : State.Sessions
            .Where(s => s.Status == SessionStatus.Ended && LibrarySearch.InDates(q, s.Start, zone) && LibrarySearch.Matches(q.Text, s.Title))
            .OrderByDescending(s => s.Start)
            .ToImmutableArray();
        return new LibraryPage(documents, meetings, State.TimeZone);
    }

    public async Task<DocumentSummary> SetDocumentTagsAsync(Caller caller, DocumentId document, ImmutableArray<string> tags)
    {
        await RequireAsync(caller, Right.TagDocuments, new Attempt(AuditActions.DocumentTagged));
        var index = State.Documents.FindIndex(d => d.Id == document);
        if (index < 0)
        {
            throw CopLiveException.NotFound("There is no such document in this community.");
        }
        State.Documents[index] = State.Documents[index] with { Tags = LibrarySearch.Tags(tags) };
        await SaveAsync();
        return State.Documents[index];
    }

    public async Task<SeriesId> ScheduleSeriesAsync(Caller caller, NewSeries request)
    {
        await RequireAsync(caller, Right.ScheduleSession, new Attempt(AuditActions.SeriesScheduled));
        var agenda = FromTemplate(new NewSession(request.Title, default, "", request.DurationMinutes, request.Agenda, Template: request.Template)).Agenda;
        var plan = SeriesRules.Plan(Id, request, agenda, State.TimeZone, caller.Member, clock.GetCurrentInstant());
        var series = SeriesId.New();
        // The series exists before the community lists it; its first meeting is scheduled by the series itself.
        await GrainFactory.GetSeriesInternal(series).InitializeAsync(plan);
        State.Series.Add(series);
        AuditLog.Add(caller, AuditActions.SeriesScheduled, null, $"{plan.Title}: {plan.Occurrences} meetings, every {plan.EveryWeeks} week(s)", null);
        await SaveAsync();
        logger.SeriesScheduled(Id, series, plan.Occurrences);
        return series;
    }

    public async Task<SessionDetails> ScheduleOccurrenceAsync(SessionId id, SessionPlan plan)
    {
        EnsureExists();
        if (Calendar.Find(id) is not null)
        {
            return await GrainFactory.GetSession(id).GetAsync(Caller.Admin);
        }
        var details = await Calendar.CreateAsync(id, plan);
        await SaveAsync();
        await GrainFactory.GetDirectoryInternal().SessionChangedAsync(details.Summary);
        logger.SessionScheduled(Id, id, details.Summary.Start);
        return details;
    }

    public async Task<ImmutableArray<ProtocolTemplate>> GetTemplatesAsync(Caller caller)
    {
        await RequireAsync(caller, Right.ReadCommunity);
        return TemplateRules.All(State.Templates);
    }

    public async Task<ProtocolTemplate> SaveTemplateAsync(Caller caller, NewTemplate request)
    {
        await RequireAsync(caller, Right.ManageTemplates, new Attempt(AuditActions.TemplateSaved));
        var template = TemplateRules.Create(request, State.Templates, caller.Member, clock.GetCurrentInstant());
        State.Templates.Add(template);
        AuditLog.Add(caller, AuditActions.TemplateSaved, null, template.Name, null);
        await SaveAsync();
        return template;
    }

    public async Task DeleteTemplateAsync(Caller caller, string templateId)
    {
        await RequireAsync(caller, Right.ManageTemplates, new Attempt(AuditActions.TemplateDeleted));
        var template = TemplateRules.Find(templateId, State.Templates);
        if (template.BuiltIn)
        {
            throw new CopLiveException(CopLiveError.Conflict, $"\"{template.Name}\" is built in and cannot be deleted.");
        }
        State.Templates.Remove(template);
        AuditLog.Add(caller, AuditActions.TemplateDeleted, null, template.Name, null);
        await SaveAsync();
    }

    /// <summary>The request with its template's agenda in place of its own; refused when it names both.</summary>
    private NewSession FromTemplate(NewSession request)
    {
        if (string.IsNullOrWhiteSpace(request.Template))
        {
            return request;
        }
        if (!request.Agenda.IsDefaultOrEmpty)
        {
            throw CopLiveException.Invalid("template", "Give either 'agenda' or 'template', not both.");
        }
        return request with { Agenda = TemplateRules.Find(request.Template, State.Templates).Agenda };
    }

    public async Task SessionUpdatedAsync(SessionSummary summary)
    {
        if (Calendar.Update(summary))
        {
            await SaveAsync();
            await GrainFactory.GetDirectoryInternal().SessionChangedAsync(summary);
        }
    }

    public async Task<CommunityUpcoming> GetUpcomingSessionsAsync(Caller caller)
    {
        await RequireAsync(caller, Right.ReadCommunity);
        return new CommunityUpcoming(Id, State.Name, Upcoming());
    }

    public async Task<CommunityMember> SetRoleAsync(Caller caller, MemberId member, CommunityRole role, string? reason)
    {
        var actor = await RequireAsync(caller, Right.ChangeRoles, new Attempt(AuditActions.RoleChanged, member));
        InviteBook.EnsureInvitedRole(role);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = Members.Entry(member);
        if (actor is { Role: < CommunityRole.Owner } && (target.Role == CommunityRole.Owner || role == CommunityRole.Owner))
        {
            throw await Gate.RefuseAsync(caller, new Attempt(AuditActions.RoleChanged, member, $"{Describe(target.Role)} → {Describe(role)}"),
                "Only owners can make or unmake owners.");
        }
        if (role < CommunityRole.Owner)
        {
            Members.EnsureNotLastOwner(target, "This is the community's last owner; make someone else an owner first.");
        }
        if (target.Role != role)
        {
            AuditLog.Add(caller, AuditActions.RoleChanged, member, $"{Describe(target.Role)} → {Describe(role)}", why);
            target.Role = role;
            await SaveAsync();
            await Revocation.ForgetCachedAsync(member);
            logger.RoleChanged(Id, member, role);
        }
        return Membership.View(target);
    }

    public async Task BanAsync(Caller caller, MemberId member, string? reason)
    {
        var actor = await RequireAsync(caller, Right.Ban, new Attempt(AuditActions.MemberBanned, member));
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = Members.Entry(member);
        if (!caller.IsAdmin && caller.Member == member)
        {
            throw CopLiveException.Invalid("member", "You cannot ban yourself; leave the community instead.");
        }
        if (actor is { Role: < CommunityRole.Owner } && target.Role >= actor.Role)
        {
            throw await Gate.RefuseAsync(caller, new Attempt(AuditActions.MemberBanned, member), "You can only ban members below your own role.");
        }
        Members.EnsureNotLastOwner(target, "This is the community's last owner.");
        AuditLog.Add(caller, AuditActions.MemberBanned, member, null, why);
        Members.Ban(target, clock.GetCurrentInstant());
        await SaveAsync();

        // The ban holds from here on (every grain asks the community); now make it bite at once everywhere.
        await Revocation.CutOffAsync(member, $"removed from {State.Name}");
        logger.MemberBanned(Id, member);
    }

    public async Task<System.Collections.Immutable.ImmutableArray<BannedMember>> GetBansAsync(Caller caller)
    {
        await RequireAsync(caller, Right.SeeBans);
        return Members.Bans();
    }

    public async Task UnbanAsync(Caller caller, MemberId member, string? reason)
    {
        await RequireAsync(caller, Right.LiftBan, new Attempt(AuditActions.MemberUnbanned, member));
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        if (Members.Unban(member))
        {
            AuditLog.Add(caller, AuditActions.MemberUnbanned, member, null, why);
            await SaveAsync();
        }
    }

    public async Task DocumentsCreatedAsync(ImmutableArray<DocumentSummary> documents)
    {
        if (Calendar.Add(documents))
        {
            await SaveAsync();
        }
    }

    public async Task LeaveAsync(Caller caller)
    {
        await RequireAsync(caller, Right.LeaveCommunity);
        var entry = Members.Entry(caller.Member);
        Members.EnsureNotLastOwner(entry, "You are the community's last owner; make someone else an owner before leaving.");
        AuditLog.Add(caller, AuditActions.MemberLeft, caller.Member, null, null);
        Members.Remove(entry);
        await SaveAsync();
        await Revocation.CutOffAsync(caller.Member, $"left {State.Name}");
    }

    public async Task RecordAsync(Caller actor, string action, MemberId? target, string? detail, string? reason, string outcome)
    {
        EnsureExists();
        AuditLog.Add(actor, action, target, detail, reason, outcome == AuditOutcomes.Refused ? AuditOutcomes.Refused : AuditOutcomes.Done);
        await SaveAsync();
    }

    public async Task<ImmutableArray<AuditEntry>> GetAuditAsync(Caller caller, long? before, int limit)
    {
        var reader = await RequireAsync(caller, Right.ReadAudit);
        // The rule's limit: members and observers see only the entries about themselves.
        var everything = reader is null || reader.Role >= CommunityRole.Facilitator;
        return await AuditLog.PageAsync(before, limit, a => everything || a.Target == caller.Member);
    }

    private static string Describe(CommunityRole role) => role.ToString().ToLowerInvariant();

    public async Task<string> RotateInviteAsync(Caller caller, CommunityRole role)
    {
        await RequireAsync(caller, Right.ManageInvites, new Attempt(AuditActions.InviteRotated, null, Describe(role)));
        InviteBook.EnsureInvitedRole(role);
        var code = await Issuer.RotateAsync(role, clock.GetCurrentInstant());
        AuditLog.Add(caller, AuditActions.InviteRotated, null, Describe(role), null);
        await SaveAsync();
        return code.ToString();
    }

    public async Task RevokeInviteAsync(Caller caller, CommunityRole role, bool removeMembers)
    {
        await RequireAsync(caller, Right.ManageInvites, new Attempt(AuditActions.InviteRevoked, null, Describe(role)));
        InviteBook.EnsureInvitedRole(role);
        var hashes = Invites.RevokeActive(role, clock.GetCurrentInstant());
        if (hashes.Count > 0)
        {
            AuditLog.Add(caller, AuditActions.InviteRevoked, null, Describe(role), null);
        }
        var removed = removeMembers ? Members.JoinedWith(hashes, role) : [];
        foreach (var member in removed)
        {
            AuditLog.Add(caller, AuditActions.MemberRemovedWithInvite, member.Member, Describe(role), null);
            Members.Remove(member);
        }
        await SaveAsync();

        foreach (var member in removed)
        {
            await Revocation.CutOffAsync(member.Member, $"the invite used to join {State.Name} was revoked");
        }
    }

    private ImmutableArray<SessionSummary> Upcoming() => Calendar.Upcoming(clock.GetCurrentInstant());

    private void EnsureExists()
    {
        if (!State.Created)
        {
            throw CopLiveException.NotFound("There is no such community.");
        }
    }

    /// <summary>The caller's membership if they hold <paramref name="right"/> here (null for the administrator); refuses otherwise.</summary>
    private Task<CommunityMember?> RequireAsync(Caller caller, Right right, Attempt? attempt = null)
    {
        EnsureExists();
        return Gate.RequireAsync(caller, right, attempt);
    }

    async Task IRefusalLog.RefusedAsync(Caller caller, Attempt attempt)
    {
        AuditLog.Add(caller, attempt.Action, attempt.Target, attempt.Detail, null, AuditOutcomes.Refused);
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        await AuditLog.ArchiveAsync();
        await PersistAsync(state);
    }
}
