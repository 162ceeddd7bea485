using System.Collections.Immutable;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// A community's documents and sessions: creating them as grains, then listing them. A grain is created before the
/// community lists it, so a crash in between leaves an unlisted document or session, never a listed one that does
/// not exist. The community stores its state after each change.
/// </summary>
internal sealed class CommunityCalendar(IGrainFactory grains, CommunityId community, CommunityState state)
{
    /// <summary>Creates a document and lists it.</summary>
    public async Task<DocumentView> CreateDocumentAsync(NewDocument request, MemberId createdBy, Instant now)
    {
        var setup = DocumentRules.Setup(community, request, createdBy, now);
        var view = await grains.GetDocumentInternal(DocumentId.New()).InitializeAsync(setup);
        state.Documents.Add(new DocumentSummary(view.Id, setup.Title, now, []));
        return view;
    }

    /// <summary>Schedules a session, with the lesson plan the whole group co-edits and breakout notes flow into.</summary>
    /// <remarks>With <see cref="NewSession.FromDocument"/>, the plan starts from that document's text as it is now.</remarks>
    public async Task<SessionDetails> ScheduleAsync(NewSession request, MemberId createdBy, Instant now)
    {
        var plan = SessionSchedule.Plan(community, request, createdBy, now);
        string? text = null;
        if (request.FromDocument is { } from)
        {
            if (!state.Documents.Exists(d => d.Id == from))
            {
                throw CopLiveException.Invalid("fromDocumentId", "That document is not in this community's library.");
            }
            text = (await grains.GetDocumentInternal(from).GetTextWithAuthorsAsync()).Text;
        }
        return await CreateAsync(SessionId.New(), plan, text);
    }

    /// <summary>
    /// Creates a session of <paramref name="plan"/> under <paramref name="session"/>, with its lesson plan (starting
    /// from <paramref name="text"/>, else from the title), and lists both.
    /// </summary>
    public async Task<SessionDetails> CreateAsync(SessionId session, SessionPlan plan, string? text = null)
    {
        var lessonPlan = new DocumentSetup(community, $"Lesson plan: {plan.Title}", text ?? $"# {plan.Title}\n", plan.CreatedBy, plan.CreatedAt, session);
        var document = await grains.GetDocumentInternal(DocumentId.New()).InitializeAsync(lessonPlan);
        var details = await grains.GetSessionInternal(session).InitializeAsync(plan with { MainDocument = document.Id });
        // A session created before a crash keeps the plan document it was created with.
        if (details.MainDocument == document.Id)
        {
            state.Documents.Add(new DocumentSummary(document.Id, lessonPlan.Title, plan.CreatedAt, [], session));
        }
        state.Sessions.Add(details.Summary);
        return details;
    }

    /// <summary>The session listed under <paramref name="session"/>, if any.</summary>
    public SessionSummary? Find(SessionId session) => state.Sessions.Find(s => s.Id == session);

    /// <summary>Records a session's new status or schedule; false when the community already had it so.</summary>
    public bool Update(SessionSummary summary)
    {
        var index = state.Sessions.FindIndex(s => s.Id == summary.Id);
        if (index < 0 || state.Sessions[index] == summary)
        {
            return false;
        }
        state.Sessions[index] = summary;
        return true;
    }

    /// <summary>Lists documents another grain created here (a breakout round's notes); false when all were listed.</summary>
    public bool Add(IEnumerable<DocumentSummary> documents)
    {
        var fresh = documents.Where(document => !state.Documents.Exists(d => d.Id == document.Id)).ToList();
        state.Documents.AddRange(fresh);
        return fresh.Count > 0;
    }

    /// <summary>Sessions not yet over, soonest first.</summary>
    public ImmutableArray<SessionSummary> Upcoming(Instant now) =>
        [.. state.Sessions.Where(s => s.Status is SessionStatus.Scheduled or SessionStatus.Live && s.End > now).OrderBy(s => s.Start)];
}
