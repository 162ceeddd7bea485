using System.Text;
using CopLive.Gateway.Api.Contracts;
using CopLive.Gateway.Wire;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;

namespace CopLive.Gateway.Api;

/// <summary><c>/api/sessions/{id}</c>: a session, its live state and attendance; starting and ending it.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions/{id:guid}").RequireAuthorization();
        sessions.MapGet("/", GetAsync);
        sessions.MapGet("/live", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok((await grains.GetSession(new SessionId(id)).GetLiveAsync(context.Caller())).ToWire()));
        sessions.MapPost("/start", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok((await grains.GetSession(new SessionId(id)).StartAsync(context.Caller())).ToWire()));
        sessions.MapPost("/end", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok((await grains.GetSession(new SessionId(id)).EndAsync(context.Caller(), null)).ToWire()));
        sessions.MapGet("/minutes", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok(MinutesResponse.From(await grains.GetSession(new SessionId(id)).GetMinutesAsync(context.Caller()))));
        sessions.MapGet("/minutes.md", async (Guid id, HttpContext context, IGrainFactory grains) =>
        {
            var minutes = await grains.GetSession(new SessionId(id)).GetMinutesAsync(context.Caller());
            return Results.File(Encoding.UTF8.GetBytes(MinutesMarkdown.Write(minutes)), "text/markdown; charset=utf-8",
                $"minutes-{minutes.ScheduledStart.Date:uuuu-MM-dd}.md");
        });
        sessions.MapPost("/cancel", async (Guid id, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<ReasonBody>(context.Request);
            return Results.Ok(SessionResponse.From(await grains.GetSession(new SessionId(id)).CancelAsync(context.Caller(), body.Reason)));
        });
        sessions.MapPut("/schedule", async (Guid id, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<RescheduleBody>(context.Request);
            var revision = new SessionRevision(
                body.Title,
                body.Agenda is null ? null : AgendaInput.ToAgenda(body.Agenda),
                body.Start is null ? null : TimeText.ParseLocal("start", body.Start),
                body.DurationMinutes);
            return Results.Ok(SessionResponse.From(await grains.GetSession(new SessionId(id)).ReviseAsync(context.Caller(), revision)));
        });
        sessions.MapPost("/members/{memberId:guid}/mute", async (Guid id, Guid memberId, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<MuteBody>(context.Request);
            var muted = body.Muted ?? throw CopLiveException.Invalid("muted", "'muted' is required (true or false).");
            return Results.Ok((await grains.GetSession(new SessionId(id)).MuteAsync(context.Caller(), new MemberId(memberId), muted, body.Reason)).ToWire());
        });
        sessions.MapPost("/members/{memberId:guid}/remove", async (Guid id, Guid memberId, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<ReasonBody>(context.Request);
            return Results.Ok((await grains.GetSession(new SessionId(id)).RemoveAsync(context.Caller(), new MemberId(memberId), body.Reason)).ToWire());
        });
        sessions.MapGet("/attendance", async (Guid id, HttpContext context, IGrainFactory grains) =>
        {
            var attendance = await grains.GetSession(new SessionId(id)).GetAttendanceAsync(context.Caller());
            return Results.Ok(attendance.Select(a => new AttendanceResponse(a.Member.Value, a.DisplayName, a.Joined, a.Left)));
        });
        api.MapGet("/rooms/{id:guid}", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok((await grains.GetRoom(new RoomId(id)).GetAsync(context.Caller())).ToWire())).RequireAuthorization();
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var session = await grains.GetSession(new SessionId(id)).GetAsync(context.Caller());
        return Results.Ok(SessionResponse.From(session));
    }
}
