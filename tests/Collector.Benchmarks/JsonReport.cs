using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>collector-bench.json: for comparing runs over time.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // "≤ 20 ms" stays readable; the report is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(BenchReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
}
