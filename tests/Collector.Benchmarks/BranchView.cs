using System.Globalization;
using System.Text.Json;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>GET /api/branches/{id} as read back: the raw answer (to compare before and after) and what the checks need from it.</summary>
public sealed record BranchView(string BranchId, string Raw, IReadOnlyList<SetView> Sets)
{
    public static async Task<BranchView> GetAsync(HttpClient client, string branchId)
    {
        using var response = await client.GetAsync(new Uri($"api/branches/{branchId}", UriKind.Relative)).ConfigureAwait(false);
        var raw = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchSetupException($"GET api/branches/{branchId} answered {(int)response.StatusCode}: {raw}");
        }

        using var json = JsonDocument.Parse(raw);
        var sets = json.RootElement.GetProperty("sets").EnumerateArray().Select(s => new SetView(
            s.GetProperty("setId").GetString()!,
            s.GetProperty("status").ToString(),
            String(s, "newestBackup"),
            s.TryGetProperty("newestBackupBytes", out var bytes) && bytes.ValueKind == JsonValueKind.Number ? bytes.GetInt64() : null,
            s.TryGetProperty("newestBackupUtc", out var utc) && utc.ValueKind == JsonValueKind.String ? utc.GetDateTime().ToUniversalTime() : null,
            s.TryGetProperty("days", out var days) && days.ValueKind == JsonValueKind.Array
                ? days.EnumerateArray().ToDictionary(
                    d => DateOnly.ParseExact(d.GetProperty("day").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    d => d.GetProperty("verdict").GetString()!)
                : new Dictionary<DateOnly, string>())).ToList();
        return new BranchView(branchId, raw, sets);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
