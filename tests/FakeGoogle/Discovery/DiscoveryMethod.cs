using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>
/// One REST method of the discovery document, with its path template turned into a pattern that matches the raw,
/// still percent-encoded request path (so a range such as 'Histórico'!A1:B2 or one holding a ':' stays one segment).
/// </summary>
internal sealed class DiscoveryMethod
{
    private readonly Regex pattern;

    private DiscoveryMethod(string id, string httpMethod, string path, JsonObject json)
    {
        Id = id;
        HttpMethod = httpMethod;
        PathTemplate = path;
        Parameters = (json["parameters"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => DiscoveryParameter.From(p.Key, p.Value!.AsObject()), StringComparer.Ordinal);
        RequestSchema = json["request"]?["$ref"]?.GetValue<string>();
        Scopes = json["scopes"] is JsonArray scopes ? [.. scopes.Select(s => s!.GetValue<string>())] : [];
        pattern = Compile(path);
        LiteralLength = Regex.Replace(path, "{[^}]*}", string.Empty).Length;
    }

    /// <summary>The discovery id, e.g. sheets.spreadsheets.values.append.</summary>
    public string Id { get; }

    public string HttpMethod { get; }

    public string PathTemplate { get; }

    public IReadOnlyDictionary<string, DiscoveryParameter> Parameters { get; }

    /// <summary>The schema id of the request body, or null for a method without one.</summary>
    public string? RequestSchema { get; }

    /// <summary>OAuth scopes any one of which lets a token call this method.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>How much of the template is literal text: a more literal template is the more specific match.</summary>
    public int LiteralLength { get; }

    public static DiscoveryMethod From(JsonObject json)
    {
        var path = json["flatPath"]?.GetValue<string>() ?? json["path"]!.GetValue<string>();
        return new DiscoveryMethod(json["id"]!.GetValue<string>(), json["httpMethod"]!.GetValue<string>(), path, json);
    }

    /// <summary>Matches a raw path without its leading slash; the values come back percent-decoded.</summary>
    public bool TryMatch(string rawPath, out IReadOnlyDictionary<string, string> values)
    {
        var match = pattern.Match(rawPath);
        if (!match.Success)
        {
            values = new Dictionary<string, string>();
            return false;
        }
        values = pattern.GetGroupNames()
            .Where(name => !int.TryParse(name, out _))
            .ToDictionary(name => name, name => Uri.UnescapeDataString(match.Groups[name].Value), StringComparer.Ordinal);
        return true;
    }

    private static Regex Compile(string template)
    {
        var regex = new StringBuilder("^");
        var position = 0;
        foreach (Match variable in Regex.Matches(template, "{(\\+?)([^}]+)}"))
        {
            regex.Append(Regex.Escape(template[position..variable.Index]));
            // A reserved expansion ({+name}) may span segments; a simple one never does.
            var body = variable.Groups[1].Value == "+" ? ".+" : "[^/]+";
            regex.Append("(?<").Append(variable.Groups[2].Value).Append('>').Append(body).Append(')');
            position = variable.Index + variable.Length;
        }
        regex.Append(Regex.Escape(template[position..])).Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }
}
