using System.Text.Json;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// One property of a manifest's JSON text: where it is (a JSON pointer, as the validator names places, and
/// System.Text.Json's path), where its name and value lie in the bytes, and what the contract says of it.
/// </summary>
public sealed record JsonMember(string Pointer, string Name, int NameStart, int ValueStart, int ValueEnd, JsonTokenType Kind, bool Required, bool Nullable)
{
    /// <summary>The pointer's parent ("" for a property of the manifest itself).</summary>
    public string Parent => Pointer[..Pointer.LastIndexOf('/')];

    /// <summary>"$.sets[0].files[1].size" for "/sets/0/files/1/size".</summary>
    public string JsonPath => Path(Pointer);

    /// <summary>The ways a refusal may name this property: its pointer, its JSON path, or its quoted name.</summary>
    public string[] Places => [Pointer, JsonPath, $"'{Name}'"];

    public static string Path(string pointer) =>
        "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out _) ? $"[{s}]" : "." + s));
}
