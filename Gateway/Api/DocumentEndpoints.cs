using System.Text;
using CopLive.Gateway.Api.Contracts;
using CopLive.Gateway.Wire;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Protocol.Documents;

namespace CopLive.Gateway.Api;

/// <summary>Documents over REST: create, read any version, catch up on ops, authorship and Markdown export.</summary>
internal static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/communities/{id:guid}/documents", CreateAsync).RequireAuthorization();
        var documents = api.MapGroup("/documents/{id:guid}").RequireAuthorization();
        documents.MapGet("/", GetAsync);
        documents.MapGet("/ops", GetOpsAsync);
        documents.MapGet("/authorship", GetAuthorshipAsync);
        documents.MapGet("/authors", GetAuthorsAsync);
        documents.MapGet("/export.md", ExportAsync);
        documents.MapPost("/lock", async (Guid id, HttpContext context, IGrainFactory grains) =>
        {
            var body = await JsonBody.ReadAsync<LockBody>(context.Request);
            var locked = body.Locked ?? throw CopLiveException.Invalid("locked", "'locked' is required (true or false).");
            return Results.Ok(DocumentResponse.From(await grains.GetDocument(new DocumentId(id)).SetLockedAsync(context.Caller(), locked, body.Reason)));
        });
        return api;
    }

    private static async Task<IResult> CreateAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<CreateDocumentBody>(context.Request);
        var view = await grains.GetCommunity(new CommunityId(id)).CreateDocumentAsync(context.Caller(), new NewDocument(body.Title ?? "", body.Text));
        return Results.Created($"/api/documents/{view.Id}", DocumentResponse.From(view));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var view = await grains.GetDocument(new DocumentId(id)).GetAtVersionAsync(context.Caller(), Version(context, "version"));
        return Results.Ok(DocumentResponse.From(view));
    }

    private static async Task<IResult> GetOpsAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var from = Version(context, "from") ?? 0;
        var limit = (int)(Version(context, "limit") ?? 1_000);
        var page = await grains.GetDocument(new DocumentId(id)).GetOpsAsync(context.Caller(), from, limit);
        return Results.Ok(new OpsReply(id, page.HeadVersion, [.. page.Ops.Select(o => o.ToWire() with { At = o.At })]));
    }

    private static async Task<IResult> GetAuthorshipAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var authorship = await grains.GetDocument(new DocumentId(id)).GetAuthorshipAsync(context.Caller());
        return Results.Ok(AuthorshipResponse.From(authorship));
    }

    private static async Task<IResult> GetAuthorsAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var authorship = AuthorshipResponse.From(await grains.GetDocument(new DocumentId(id)).GetAuthorshipAsync(context.Caller()));
        return Results.Ok(new AuthorsResponse(authorship.Version, authorship.Contributions));
    }

    private static async Task<IResult> ExportAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var view = await grains.GetDocument(new DocumentId(id)).GetAtVersionAsync(context.Caller(), Version(context, "version"));
        var name = string.Concat(view.Title.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')).Trim('-');
        return Results.File(Encoding.UTF8.GetBytes(view.Text), "text/markdown; charset=utf-8",
            $"{(name.Length > 0 ? name : "document")}-v{view.Version}.md");
    }

    private static long? Version(HttpContext context, string name)
    {
        var raw = context.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }
        return long.TryParse(raw, out var value) && value >= 0
            ? value
            : throw CopLiveException.Invalid(name, $"'{name}' must be a whole number of 0 or more; {CopLiveException.Quote(raw)} is not.");
    }
}
