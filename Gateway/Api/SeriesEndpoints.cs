using CopLive.Gateway.Api.Contracts;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using NodaTime.Text;

namespace CopLive.Gateway.Api;

/// <summary>
/// Recurring meetings: <c>POST /api/communities/{id}/series</c> schedules one, <c>/api/series/{id}</c> reads it and
/// skips or moves one of its meetings. Rights are decided by the community and series grains.
/// </summary>
internal static class SeriesEndpoints
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static RouteGroupBuilder MapSeriesEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/communities/{id:guid}/series", ScheduleAsync).RequireAuthorization();
        var series = api.MapGroup("/series/{id:guid}").RequireAuthorization();
        series.MapGet("/", async (Guid id, HttpContext context, IGrainFactory grains) =>
            Results.Ok(await ResponseAsync(context, grains, await grains.GetSeries(new SeriesId(id)).GetAsync(context.Caller()))));
        series.MapPost("/occurrences/{index:int}/skip", async (Guid id, int index, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<ReasonBody>(context.Request);
            return Results.Ok(await ResponseAsync(context, grains, await grains.GetSeries(new SeriesId(id)).SkipAsync(context.Caller(), index, body.Reason)));
        });
        series.MapPut("/occurrences/{index:int}", async (Guid id, int index, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<MoveOccurrenceBody>(context.Request);
            var start = TimeText.ParseLocal("start", body.Start);
            return Results.Ok(await ResponseAsync(context, grains, await grains.GetSeries(new SeriesId(id)).MoveAsync(context.Caller(), index, start)));
        });
        return api;
    }

    private static async Task<IResult> ScheduleAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<ScheduleSeriesBody>(context.Request);
        var first = TimeText.ParseDate("firstDate", body.FirstDate);
        var time = Time.Parse(body.Time?.Trim() ?? "");
        if (!time.Success)
        {
            throw CopLiveException.Invalid("time", $"'time' must be a wall-clock time such as 16:00; {CopLiveException.Quote(body.Time)} is not.");
        }
        var request = new NewSeries(
            body.Title ?? "", first, time.Value, body.TimeZone, body.EveryWeeks ?? 1,
            body.Occurrences ?? throw CopLiveException.Invalid("occurrences", "'occurrences' is required: how many meetings, 2–52."),
            body.DurationMinutes, AgendaInput.ToAgenda(body.Agenda), body.Template, body.AutoAdvance ?? true, body.StandingGroups ?? false);
        var series = await grains.GetCommunity(new CommunityId(id)).ScheduleSeriesAsync(context.Caller(), request);
        var view = await grains.GetSeries(series).GetAsync(context.Caller());
        return Results.Created($"/api/series/{series}", await ResponseAsync(context, grains, view));
    }

    /// <summary>The series as the caller sees it: a member also gets each meeting in their own zone.</summary>
    private static async Task<SeriesResponse> ResponseAsync(HttpContext context, IGrainFactory grains, SeriesView view)
    {
        var caller = context.Caller();
        var zone = caller.IsAdmin ? null : (await grains.GetMember(caller.Member).GetProfileAsync(caller))?.TimeZone;
        return SeriesResponse.From(view, zone);
    }
}
