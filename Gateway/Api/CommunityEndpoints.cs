using System.Collections.Immutable;
using CopLive.Gateway.Api.Contracts;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;

namespace CopLive.Gateway.Api;

/// <summary><c>/api/communities</c>: create, read, invites and scheduling. Rights are decided by the community grain.</summary>
internal static class CommunityEndpoints
{
    public static RouteGroupBuilder MapCommunityEndpoints(this RouteGroupBuilder api)
    {
        var communities = api.MapGroup("/communities").RequireAuthorization();
        communities.MapPost("/", CreateAsync);
        communities.MapGet("/{id:guid}", GetAsync);
        communities.MapPost("/{id:guid}/sessions", ScheduleSessionAsync);
        communities.MapPost("/{id:guid}/invites/{role}", RotateInviteAsync);
        communities.MapDelete("/{id:guid}/invites/{role}", RevokeInviteAsync);
        communities.MapPut("/{id:guid}/members/{memberId:guid}/role", SetRoleAsync);
        communities.MapDelete("/{id:guid}/membership", LeaveAsync);
        communities.MapPost("/{id:guid}/members/{memberId:guid}/ban", async (Guid id, Guid memberId, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<ReasonBody>(context.Request);
            await grains.GetCommunity(new CommunityId(id)).BanAsync(context.Caller(), new MemberId(memberId), body.Reason);
            return Results.NoContent();
        });
        communities.MapDelete("/{id:guid}/members/{memberId:guid}/ban", async (Guid id, Guid memberId, HttpContext context, IGrainFactory grains) =>
        {
            await grains.GetCommunity(new CommunityId(id)).UnbanAsync(context.Caller(), new MemberId(memberId), null);
            return Results.NoContent();
        });
        communities.MapGet("/{id:guid}/bans", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok((await grains.GetCommunity(new CommunityId(id)).GetBansAsync(context.Caller()))
                .Select(b => new BannedMemberResponse(b.Member.Value, b.DisplayName, b.BannedAt))));
        communities.MapGet("/{id:guid}/audit", GetAuditAsync);
        communities.MapGet("/{id:guid}/templates", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok((await grains.GetCommunity(new CommunityId(id)).GetTemplatesAsync(context.Caller())).Select(TemplateResponse.From)));
        communities.MapPost("/{id:guid}/templates", SaveTemplateAsync);
        communities.MapGet("/{id:guid}/library", SearchLibraryAsync);
        communities.MapPut("/{id:guid}/library/{documentId:guid}/tags", async (Guid id, Guid documentId, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<TagsBody>(context.Request);
            var tagged = await grains.GetCommunity(new CommunityId(id)).SetDocumentTagsAsync(
                context.Caller(), new DocumentId(documentId), [.. (body.Tags ?? []).Select(t => t ?? "")]);
            return Results.Ok(LibraryDocumentItem.From(tagged));
        });
        communities.MapDelete("/{id:guid}/templates/{templateId}", async (Guid id, string templateId, HttpContext context, IGrainFactory grains) =>
        {
            await grains.GetCommunity(new CommunityId(id)).DeleteTemplateAsync(context.Caller(), templateId);
            return Results.NoContent();
        });
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<CreateCommunityBody>(context.Request);
        var id = CommunityId.New();
        var invites = await grains.GetCommunity(id).CreateAsync(
            context.Caller(), new NewCommunity(body.Name ?? "", body.Description, body.TimeZone ?? ""));
        return Results.Created(
            $"/api/communities/{id}",
            new CommunityCreatedResponse(id.Value, new InvitesResponse(invites.Owner, invites.Facilitator, invites.Member, invites.Observer)));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var details = await grains.GetCommunity(new CommunityId(id)).GetAsync(context.Caller());
        return Results.Ok(CommunityResponse.From(details));
    }

    private static async Task<IResult> ScheduleSessionAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<ScheduleSessionBody>(context.Request);
        var start = TimeText.ParseLocal("start", body.Start);

        var agenda = AgendaInput.ToAgenda(body.Agenda);
        var session = await grains.GetCommunity(new CommunityId(id)).ScheduleSessionAsync(
            context.Caller(), new NewSession(body.Title ?? "", start, body.TimeZone ?? "", body.DurationMinutes, agenda, body.AutoAdvance ?? true, body.Template,
                body.FromDocumentId is { } from ? new DocumentId(from) : null));
        return Results.Created($"/api/sessions/{session.Summary.Id}", SessionResponse.From(session));
    }

    private static async Task<IResult> SearchLibraryAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var query = context.Request.Query;
        var page = await grains.GetCommunity(new CommunityId(id)).SearchLibraryAsync(context.Caller(), new LibraryQuery(
            NullIfEmpty(query["q"]), NullIfEmpty(query["tag"]), TimeText.ParseOptionalDate("from", query["from"]), TimeText.ParseOptionalDate("to", query["to"])));
        return Results.Ok(LibraryResponse.From(page));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task<IResult> SaveTemplateAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<SaveTemplateBody>(context.Request);
        var community = new CommunityId(id);
        var agenda = AgendaInput.ToAgenda(body.Agenda);
        if (body.SessionId is { } sessionId)
        {
            if (!agenda.IsEmpty)
            {
                throw CopLiveException.Invalid("sessionId", "Give either 'agenda' or 'sessionId', not both.");
            }
            // Read as the caller, so only a session they may read can lend its agenda.
            var session = await grains.GetSession(new SessionId(sessionId)).GetAsync(context.Caller());
            if (session.Summary.Community != community)
            {
                throw CopLiveException.Invalid("sessionId", "That session belongs to another community.");
            }
            agenda = session.Agenda;
        }
        var template = await grains.GetCommunity(community).SaveTemplateAsync(context.Caller(), new NewTemplate(body.Name ?? "", body.Description, agenda));
        return Results.Created($"/api/communities/{id}/templates/{template.Id}", TemplateResponse.From(template));
    }

    private static async Task<IResult> RotateInviteAsync(Guid id, string role, HttpContext context, IGrainFactory grains)
    {
        var parsed = ParseRole(role);
        var code = await grains.GetCommunity(new CommunityId(id)).RotateInviteAsync(context.Caller(), parsed);
        return Results.Ok(new InviteResponse(parsed, code));
    }

    private static async Task<IResult> RevokeInviteAsync(Guid id, string role, HttpContext context, IGrainFactory grains)
    {
        var removeMembers = context.Request.Query["removeMembers"].ToString() switch
        {
            "" or "false" => false,
            "true" => true,
            var other => throw CopLiveException.Invalid("removeMembers", $"'removeMembers' must be true or false; {CopLiveException.Quote(other)} is not."),
        };
        await grains.GetCommunity(new CommunityId(id)).RevokeInviteAsync(context.Caller(), ParseRole(role), removeMembers);
        return Results.NoContent();
    }

    private static async Task<IResult> SetRoleAsync(Guid id, Guid memberId, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<SetRoleBody>(context.Request);
        var member = await grains.GetCommunity(new CommunityId(id)).SetRoleAsync(context.Caller(), new MemberId(memberId), ParseRole(body.Role ?? ""), body.Reason);
        return Results.Ok(new CommunityMemberResponse(member.Member.Value, member.DisplayName, member.Role, member.JoinedAt));
    }

    private static async Task<IResult> LeaveAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        await grains.GetCommunity(new CommunityId(id)).LeaveAsync(context.Member());
        return Results.NoContent();
    }

    private static async Task<IResult> GetAuditAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var before = context.Request.Query["before"].ToString();
        var limit = context.Request.Query["limit"].ToString();
        long? beforeId = before.Length == 0 ? null
            : long.TryParse(before, out var b) && b > 0 ? b : throw CopLiveException.Invalid("before", $"'before' must be an audit entry id; {CopLiveException.Quote(before)} is not.");
        var take = limit.Length == 0 ? 50
            : int.TryParse(limit, out var l) && l is >= 1 and <= 200 ? l : throw CopLiveException.Invalid("limit", $"'limit' must be between 1 and 200; {CopLiveException.Quote(limit)} is not.");
        var entries = await grains.GetCommunity(new CommunityId(id)).GetAuditAsync(context.Caller(), beforeId, take);
        return Results.Ok(new AuditResponse([.. entries.Select(e => new AuditEntryResponse(
            e.Id, e.At, e.Actor == default ? null : e.Actor.Value, e.ActorName, e.Action, e.Target?.Value, e.TargetName, e.Detail, e.Reason, e.Outcome))]));
    }

    private static CommunityRole ParseRole(string role) =>
        Enum.TryParse<CommunityRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _)
            ? parsed
            : throw CopLiveException.Invalid("role", $"'role' must be owner, facilitator, member or observer; {CopLiveException.Quote(role)} is not.");
}
