using System.Text;

namespace MonitoramentoBKP.Contracts.Tests.Corpus;

/// <summary>
/// One manifest the contract refuses: a name that says what is wrong, the place the refusal must name (a JSON
/// pointer, as ManifestValidator and the schema report it; <see cref="JsonPath"/> as the deserializer does), who
/// refuses it, and its JSON text, built on first use (a few are tens of megabytes).
/// </summary>
public sealed record InvalidManifest(string Name, string Pointer, InvalidManifestRefusal RefusedBy, Func<string> Build)
{
    private readonly Lazy<string> _json = new(Build);

    public string Json => _json.Value;

    public byte[] Utf8 => Encoding.UTF8.GetBytes(Json);

    /// <summary>The same place as System.Text.Json writes it: "/sets/0/files/1/path" is "$.sets[0].files[1].path".</summary>
    public string JsonPath => "$" + string.Concat(Pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => int.TryParse(part, out _) ? $"[{part}]" : "." + part));

    /// <summary>Whether an error message (a problem-details detail, say) names this manifest's place, in either form.</summary>
    public bool IsNamedIn(string text) =>
        text.Contains(Pointer + ":", StringComparison.Ordinal) || text.Contains(JsonPath + ":", StringComparison.Ordinal)
        || text.Contains(JsonPath + " ", StringComparison.Ordinal) || text.EndsWith(JsonPath, StringComparison.Ordinal);

    public override string ToString() => Name;
}
