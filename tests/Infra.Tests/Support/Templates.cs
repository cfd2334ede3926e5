using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Infra.Tests.Support;

/// <summary>Reading compiled ARM templates: resources whether listed or keyed by symbolic name, modules nested as deployments.</summary>
public static class Templates
{
    /// <summary>Every resource of the template and of the modules it deploys, depth first.</summary>
    public static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        foreach (var resource in Resources(template))
        {
            yield return resource;
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The template and every module's template.</summary>
    public static IEnumerable<JsonObject> AllTemplates(JsonObject template)
    {
        yield return template;
        foreach (var resource in Resources(template).Where(r => (string?)r["type"] == "Microsoft.Resources/deployments"))
        {
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllTemplates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The one resource of <paramref name="type"/> (not an existing reference) anywhere in the deployment.</summary>
    public static JsonObject Single(JsonObject template, string type) =>
        Assert.Single(AllResources(template), r => (string?)r["type"] == type && r["existing"] is null);

    public static IEnumerable<JsonObject> OfType(JsonObject template, string type) =>
        AllResources(template).Where(r => (string?)r["type"] == type && r["existing"] is null);

    /// <summary>A module's template, by its deployment name in main.bicep.</summary>
    public static JsonObject Module(JsonObject template, string name) =>
        Resources(template).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name)["properties"]!["template"]!.AsObject();

    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.OfType<JsonObject>(),
        JsonObject keyed => keyed.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
