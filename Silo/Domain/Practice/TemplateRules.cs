using System.Collections.Immutable;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using NodaTime;

namespace CopLive.Silo.Domain.Practice;

/// <summary>What a community's own protocol template must be: pure rules, no Orleans.</summary>
internal static class TemplateRules
{
    /// <summary>Most templates a community keeps of its own.</summary>
    public const int MaxPerCommunity = 100;

    /// <summary>The request checked against the community's templates, as the template to store.</summary>
    /// <exception cref="CopLiveException">A field is out of range, the name is taken, or the community has too many.</exception>
    public static ProtocolTemplate Create(NewTemplate request, IReadOnlyCollection<ProtocolTemplate> existing, MemberId createdBy, Instant now)
    {
        var name = Require.Text("name", request.Name, Limits.NameLength);
        var description = Require.OptionalMultilineText("description", request.Description, Limits.DescriptionLength);
        var agenda = AgendaRules.Validate(request.Agenda);
        if (agenda.IsEmpty)
        {
            throw CopLiveException.Invalid("agenda", "A template needs at least one phase in 'agenda'.");
        }
        var total = AgendaRules.TotalMinutes(agenda);
        if (total > Limits.SessionMinutes)
        {
            throw CopLiveException.Invalid("agenda", $"The agenda runs {total} minutes, longer than a session may last ({Limits.SessionMinutes}).");
        }
        if (BuiltInTemplates.All.Concat(existing).Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CopLiveException(CopLiveError.Conflict, $"There is already a template called \"{name}\"; choose another name or delete that one first.");
        }
        if (existing.Count >= MaxPerCommunity)
        {
            throw new CopLiveException(CopLiveError.Conflict, $"A community keeps at most {MaxPerCommunity} templates of its own; delete one first.");
        }
        return new ProtocolTemplate(Guid.NewGuid().ToString("N"), name, description, agenda, BuiltIn: false, createdBy, now);
    }

    /// <summary>The template a session is scheduled from: built in, or one of <paramref name="own"/>.</summary>
    /// <exception cref="CopLiveException">There is no such template.</exception>
    public static ProtocolTemplate Find(string? id, IEnumerable<ProtocolTemplate> own)
    {
        var key = id?.Trim() ?? "";
        return BuiltInTemplates.Find(key) ?? own.FirstOrDefault(t => t.Id == key)
            ?? throw CopLiveException.Invalid("template", $"There is no template {CopLiveException.Quote(id)} in this community.");
    }

    /// <summary>Every template of a community: the built-in ones first, then its own by name.</summary>
    public static ImmutableArray<ProtocolTemplate> All(IEnumerable<ProtocolTemplate> own) =>
        [.. BuiltInTemplates.All, .. own.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
}
