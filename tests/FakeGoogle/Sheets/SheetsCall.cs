using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Discovery;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>A Sheets request that passed routing, authorization and discovery validation, ready for its handler.</summary>
internal sealed record SheetsCall(
    DiscoveryMethod Method,
    FakeSpreadsheet Spreadsheet,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    JsonObject Body,
    Uri BaseUri)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> QueryValues(string name) => Query.TryGetValue(name, out var values) ? values : [];

    public bool QueryFlag(string name) => QueryValue(name) is "true" or "1";
}
