namespace CopLive.Silo.Domain;

/// <summary>Audit action names made from the method that was called: <c>("session", "StartAgendaAsync")</c> → <c>session.startAgenda</c>.</summary>
public static class AuditAction
{
    public static string For(string area, string method)
    {
        var name = method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method;
        return name.Length == 0 ? area : $"{area}.{char.ToLowerInvariant(name[0])}{name[1..]}";
    }
}
