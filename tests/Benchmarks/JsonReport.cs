using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>probe-bench.json: for comparing runs over time; n/a figures are null.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(BenchReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
}
