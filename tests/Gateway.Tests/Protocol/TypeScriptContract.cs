using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CopLive.Collab.Text;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Json;
using NodaTime;

namespace CopLive.Gateway.Tests.Protocol;

/// <summary>
/// Writes the browser client's view of the protocol (<c>ClientApp/src/protocol.ts</c>) from CopLive.Protocol: every
/// wire record as an interface, every wire enum as a union of its JSON spellings, the hubs' methods and events as
/// signature maps the client's typed <c>invoke</c>/<c>on</c> use, the hub paths and the refusal codes.
/// </summary>
internal static partial class TypeScriptContract
{
    private static readonly Assembly Protocol = typeof(ILiveHub).Assembly;
    private static readonly NullabilityInfoContext Nullability = new();

    public static string Write()
    {
        var docs = XmlDocs.Load(Protocol);
        var ts = new StringBuilder()
            .Append("// The hubs' wire contract, written from CopLive.Protocol by tests/Gateway.Tests/Protocol/TypeScriptContract.cs.\n")
            .Append("// Do not edit: change the C# contract and run\n")
            .Append("//   COPLIVE_WRITE_DOCS=1 dotnet test tests/Gateway.Tests --filter TheBrowserClient_SpeaksTheProtocol\n")
            .Append("import type { TextOp } from \"ot-text-unicode\";\n");

        var types = Protocol.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && !ns.EndsWith(".Hubs", StringComparison.Ordinal) && !ns.EndsWith(".Json", StringComparison.Ordinal))
            .OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            ts.Append('\n').Append(Doc(docs, $"T:{type.FullName}", ""));
            ts.Append(type.IsEnum ? Union(type) : Interface(type));
        }

        ts.Append('\n').Append(Doc(docs, $"T:{typeof(HubPaths).FullName}", ""))
            .Append("export const hubPaths = {")
            .AppendJoin(",", typeof(HubPaths).GetFields().Select(f => $" {Camel(f.Name)}: \"{f.GetRawConstantValue()}\""))
            .Append(" } as const;\n");

        foreach (var hub in new[] { typeof(IModerationHub), typeof(ILiveHub), typeof(IAdminHub), typeof(IDocumentEvents), typeof(ILiveClient), typeof(IAdminClient) })
        {
            ts.Append('\n').Append(Doc(docs, $"T:{hub.FullName}", "")).Append(Signatures(hub, docs));
        }
        return ts.ToString();
    }

    private static string Union(Type type) =>
        $"export type {type.Name} = {string.Join(" | ", Enum.GetNames(type).Select(n => $"\"{WireName(type, n)}\""))};\n";

    // Refusal codes travel as text ("Forbidden: …"), not as JSON enum values.
    private static string WireName(Type type, string name) =>
        type == typeof(RefusalCode) ? name : JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Interface(Type record)
    {
        var parameters = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
        var fields = parameters.Select(p =>
        {
            // ProtocolJson leaves nulls out, so a nullable field is absent rather than null.
            var optional = Nullability.Create(p).ReadState == NullabilityState.Nullable;
            return $"{Camel(p.Name!)}{(optional ? "?" : "")}: {TypeOf(p.ParameterType, p)}";
        });
        return $"export interface {record.Name} {{ {string.Join("; ", fields)} }}\n";
    }

    private static string Signatures(Type hub, XmlDocs docs)
    {
        var bases = hub.GetInterfaces().Where(i => hub.GetInterfaces().All(other => other == i || !other.GetInterfaces().Contains(i))).ToList();
        var events = typeof(IDocumentEvents).IsAssignableFrom(hub);
        var ts = new StringBuilder($"export interface {hub.Name[1..]}")
            .Append(bases.Count > 0 ? $" extends {string.Join(", ", bases.Select(b => b.Name[1..]))}" : "")
            .Append(" {\n");
        foreach (var method in hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var parameters = method.GetParameters().Select(p =>
            {
                var shape = p.GetCustomAttribute<JsonShapeAttribute>()?.Shape ?? p.ParameterType;
                var nullable = Nullability.Create(p).ReadState == NullabilityState.Nullable;
                return $"{p.Name}: {TypeOf(shape, p)}{(nullable ? " | null" : "")}";
            });
            var returns = events || method.ReturnType == typeof(Task) ? "void" : TypeOf(method.ReturnType.GetGenericArguments()[0], null);
            ts.Append(Doc(docs, $"M:{hub.FullName}.{method.Name}(", "  "))
                .Append($"  {method.Name}({string.Join(", ", parameters)}): {returns};\n");
        }
        return ts.Append("}\n").ToString();
    }

    private static string TypeOf(Type type, ParameterInfo? parameter)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(Instant))
        {
            return "string";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            return "number";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(TextOp))
        {
            return "TextOp";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return $"{TypeOf(type.GetGenericArguments()[0], null)}[]";
        }
        if (type.Assembly == Protocol)
        {
            return type.Name;
        }
        throw new NotSupportedException($"{type} ({parameter?.Member.DeclaringType?.Name}.{parameter?.Name}) has no TypeScript form; add one here.");
    }

    private static string Doc(XmlDocs docs, string id, string indent) =>
        docs.Summary(id) is { } summary ? $"{indent}/** {summary} */\n" : "";

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The summaries of an assembly's XML documentation, as plain text.</summary>
    private sealed partial class XmlDocs(IReadOnlyDictionary<string, string> summaries)
    {
        public static XmlDocs Load(Assembly assembly)
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            var members = XDocument.Load(path, LoadOptions.PreserveWhitespace).Descendants("member");
            return new XmlDocs(members
                .Where(m => m.Element("summary") is not null)
                .ToDictionary(m => (string)m.Attribute("name")!, m => Plain(m.Element("summary")!)));
        }

        public string? Summary(string id) =>
            id.EndsWith('(')
                ? summaries.FirstOrDefault(s => s.Key.StartsWith(id, StringComparison.Ordinal) || s.Key == id[..^1]).Value
                : summaries.GetValueOrDefault(id);

        private static string Plain(XElement summary)
        {
            var text = string.Concat(summary.Nodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" } see => Reference((string)see.Attribute("cref")!),
                XElement { Name.LocalName: "paramref" or "typeparamref" } p => (string?)p.Attribute("name") ?? "",
                XElement e => e.Value,
                _ => "",
            }));
            return Spaces().Replace(text, " ").Trim().Replace("*/", "*\\/", StringComparison.Ordinal);
        }

        // A type by its TypeScript name (hub interfaces lose their "I"), a member with its type: HubPaths.Live.
        private static string Reference(string cref)
        {
            var parts = cref[2..].Split('(')[0].Split('.');
            return cref.StartsWith("T:", StringComparison.Ordinal)
                ? Regex.Replace(parts[^1], "^I(?=[A-Z][a-z])", "")
                : $"{parts[^2]}.{parts[^1]}";
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Spaces();
    }
}
