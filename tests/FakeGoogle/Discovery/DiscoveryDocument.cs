using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>
/// Google's discovery document for the Sheets API v4, embedded in this assembly: the one authority the fake checks
/// paths, methods, parameters and bodies against, so a request Google would refuse is refused here too.
/// </summary>
internal sealed class DiscoveryDocument
{
    private static readonly Lazy<DiscoveryDocument> SheetsDocument = new(() => Load("sheets.v4.discovery.json"));

    private DiscoveryDocument(JsonObject root)
    {
        Revision = root["revision"]!.GetValue<string>();
        Schemas = root["schemas"]!.AsObject();
        StandardParameters = root["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => DiscoveryParameter.From(p.Key, p.Value!.AsObject()), StringComparer.Ordinal);
        var methods = new List<DiscoveryMethod>();
        Collect(root, methods);
        Methods = [.. methods.OrderByDescending(m => m.LiteralLength)];
    }

    public static DiscoveryDocument Sheets => SheetsDocument.Value;

    public string Revision { get; }

    public JsonObject Schemas { get; }

    /// <summary>Parameters every method takes (fields, alt, key, prettyPrint, quotaUser, $.xgafv, ...).</summary>
    public IReadOnlyDictionary<string, DiscoveryParameter> StandardParameters { get; }

    public IReadOnlyList<DiscoveryMethod> Methods { get; }

    public DiscoveryMethod Method(string id) => Methods.Single(m => m.Id == id);

    public JsonObject Schema(string id) =>
        Schemas[id] as JsonObject ?? throw new InvalidOperationException($"The discovery document has no schema {id}.");

    /// <summary>The most specific method whose HTTP method and path template match, or null.</summary>
    public (DiscoveryMethod Method, IReadOnlyDictionary<string, string> PathValues)? Match(string httpMethod, string rawPath)
    {
        foreach (var method in Methods)
        {
            if (string.Equals(method.HttpMethod, httpMethod, StringComparison.OrdinalIgnoreCase)
                && method.TryMatch(rawPath, out var values))
            {
                return (method, values);
            }
        }
        return null;
    }

    private static void Collect(JsonObject resource, List<DiscoveryMethod> into)
    {
        foreach (var (_, method) in resource["methods"] as JsonObject ?? [])
        {
            into.Add(DiscoveryMethod.From(method!.AsObject()));
        }
        foreach (var (_, child) in resource["resources"] as JsonObject ?? [])
        {
            Collect(child!.AsObject(), into);
        }
    }

    private static DiscoveryDocument Load(string resourceName)
    {
        using var stream = typeof(DiscoveryDocument).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
        return new DiscoveryDocument(JsonNode.Parse(stream)!.AsObject());
    }
}
