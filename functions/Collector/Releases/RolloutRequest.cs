using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// The body of <c>POST api/releases/{channel}</c>: <c>{"version": "1.4.0", "percent": 20, "pilots": ["F001"],
/// "pulled": false}</c>. <see cref="Percent"/> may be left out only to pull; <see cref="Pilots"/> left out keeps the
/// release's pilots. Read strictly: an unknown or repeated member, a wrong type or a value out of range is refused
/// with its JSON path.
/// </summary>
public sealed partial record RolloutRequest
{
    public const int MaxPilots = 100;

    public required string Version { get; init; }
    public int? Percent { get; init; }
    public IReadOnlyList<string>? Pilots { get; init; }
    public bool Pulled { get; init; }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex BranchId();

    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out RolloutRequest? request, out string problem)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            problem = $"{(e.Path is { Length: > 0 } p ? p : "$")}: the body is not JSON ({e.Message})";
            return false;
        }

        using (document)
        {
            return TryRead(document.RootElement, out request, out problem);
        }
    }

    private static bool TryRead(JsonElement root, out RolloutRequest? request, out string problem)
    {
        request = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "$: must be an object such as {\"version\": \"1.4.0\", \"percent\": 20, \"pilots\": [\"F001\"], \"pulled\": false}";
            return false;
        }

        string? version = null;
        int? percent = null;
        List<string>? pilots = null;
        var pulled = false;
        foreach (var member in root.EnumerateObject())
        {
            var at = "$." + member.Name;
            var value = member.Value;
            switch (member.Name)
            {
                case "version":
                    if (value.ValueKind != JsonValueKind.String || !ReleaseNames.IsVersion(value.GetString()))
                    {
                        problem = $"{at}: must be a string; {ReleaseRules.VersionRule}";
                        return false;
                    }

                    version = value.GetString();
                    break;
                case "percent":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var p) || p is < 0 or > 100)
                    {
                        problem = $"{at}: must be a whole number from 0 to 100";
                        return false;
                    }

                    percent = p;
                    break;
                case "pilots":
                    if (!TryReadPilots(value, at, out pilots, out problem))
                    {
                        return false;
                    }

                    break;
                case "pulled":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        problem = $"{at}: must be true or false";
                        return false;
                    }

                    pulled = value.GetBoolean();
                    break;
                default:
                    problem = $"{at}: is not a member of a rollout (version, percent, pilots, pulled)";
                    return false;
            }
        }

        if (version is null)
        {
            problem = "$.version: is required";
            return false;
        }

        if (percent is null && !pulled)
        {
            problem = "$.percent: is required (0 to 100) unless the release is pulled";
            return false;
        }

        request = new RolloutRequest { Version = version, Percent = percent, Pilots = pilots, Pulled = pulled };
        problem = "";
        return true;
    }

    private static bool TryReadPilots(JsonElement value, string at, out List<string>? pilots, out string problem)
    {
        pilots = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            problem = $"{at}: must be an array of branch ids";
            return false;
        }

        if (value.GetArrayLength() > MaxPilots)
        {
            problem = $"{at}: must hold at most {MaxPilots} branch ids (it holds {value.GetArrayLength()})";
            return false;
        }

        pilots = [];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (id is not { Length: > 0 and <= Contracts.ManifestLimits.MaxIdLength } || !BranchId().IsMatch(id))
            {
                problem = $"{at}[{i}]: must be a branch id (1-64 letters, digits, '.', '_' or '-', starting with a letter or digit)";
                return false;
            }

            if (pilots.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                problem = $"{at}[{i}]: '{id}' is named twice";
                return false;
            }

            pilots.Add(id);
            i++;
        }

        problem = "";
        return true;
    }
}
