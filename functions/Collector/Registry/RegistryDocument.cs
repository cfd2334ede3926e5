using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Splits a registry into one small registry per branch (its entry, its template, the calendars they name),
/// the unit stored per branch: each branch's policy can be loaded alone, and an import can tell exactly which
/// branches changed by comparing these documents.
/// </summary>
public static class RegistryDocument
{
    public sealed record BranchDocument(string BranchId, string Json, string Hash);

    /// <summary>The per-branch documents of a registry that <see cref="RegistryLoader"/> accepted.</summary>
    public static IReadOnlyList<BranchDocument> Split(string registryJson)
    {
        var root = JsonNode.Parse(registryJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var calendars = root["calendars"]?.AsObject();
        var templates = root["templates"]!.AsObject();
        var documents = new List<BranchDocument>();
        foreach (var branch in root["branches"]!.AsArray())
        {
            documents.Add(Compose(branch!.AsObject(), templates, calendars));
        }

        return documents;
    }

    /// <summary>One branch's document from its entry and the templates and calendars it may name.</summary>
    public static BranchDocument Compose(JsonObject branch, JsonObject templates, JsonObject? calendars)
    {
        var templateName = branch["template"]!.GetValue<string>();
        var template = templates[templateName]!.DeepClone().AsObject();
        var usedCalendars = new JsonObject();
        foreach (var name in new[] { template["calendar"], branch["calendar"] }.OfType<JsonNode>().Select(n => n.GetValue<string>()))
        {
            if (calendars?[name] is { } calendar && !usedCalendars.ContainsKey(name))
            {
                usedCalendars[name] = calendar.DeepClone();
            }
        }

        var document = new JsonObject
        {
            ["calendars"] = usedCalendars,
            ["templates"] = new JsonObject { [templateName] = template },
            ["branches"] = new JsonArray(branch.DeepClone()),
        };
        var json = document.ToJsonString();
        return new BranchDocument(branch["id"]!.GetValue<string>(), json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }
}
