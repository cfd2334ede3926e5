using System.Globalization;
using System.Text.Json;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>
/// The fleet part of the collector's GET /api/status as lines a person reads: how many branches run each probe
/// version, each published release with its rollout, and one branch's version and latest update as the collector
/// knows them; scripts/try prints it after an update.
/// </summary>
public static class FleetTable
{
    public static async Task<int> PrintAsync(Uri collector, string key, string branchId, TextWriter output)
    {
        using var http = new HttpClient { BaseAddress = collector };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        using var status = JsonDocument.Parse(await http.GetStringAsync("api/status").ConfigureAwait(false));
        var fleet = status.RootElement.GetProperty("fleet");
        foreach (var version in fleet.GetProperty("versions").EnumerateArray())
        {
            output.WriteLine($"Versão {version.GetProperty("version").GetString()}: {Branches(version.GetProperty("branches").GetInt32())}");
        }

        foreach (var release in fleet.GetProperty("releases").EnumerateArray())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Liberação {release.GetProperty("channel").GetString()} {release.GetProperty("version").GetString()}: {release.GetProperty("percent").GetInt32()}%{(release.GetProperty("pulled").GetBoolean() ? " (retirada)" : "")}, oferecida a {Branches(release.GetProperty("branchesOffered").GetInt32())}, em uso em {release.GetProperty("branchesRunning").GetInt32()}"));
        }

        var branch = status.RootElement.GetProperty("branches").EnumerateArray().FirstOrDefault(b => b.GetProperty("branchId").GetString() == branchId);
        if (branch.ValueKind != JsonValueKind.Object)
        {
            output.WriteLine($"{branchId}: não está no cadastro");
            return 1;
        }

        var line = $"{branchId}: sonda {Text(branch, "probeVersion") ?? "?"}";
        if (branch.TryGetProperty("update", out var update) && update.ValueKind == JsonValueKind.Object)
        {
            line += $"; última atualização: {Text(update, "outcome")} {Text(update, "version")} (antes {Text(update, "previousVersion") ?? "?"})";
        }

        if (branch.TryGetProperty("probeNote", out var note) && note.ValueKind == JsonValueKind.Object)
        {
            line += $"; {Text(note, "pt")}";
        }

        output.WriteLine(line);
        return 0;
    }

    private static string Branches(int count) => count == 1 ? "1 filial" : $"{count} filiais";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
