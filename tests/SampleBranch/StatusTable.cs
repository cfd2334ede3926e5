using System.Globalization;
using System.Text.Json;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>The collector's GET /api/status as a table a person reads: one row per branch and set, worst first.</summary>
public static class StatusTable
{
    private static readonly string[] Order = ["Failed", "Missed", "Silent", "Warning", "Ok", "Unknown"];

    // The words the managers' sheet uses for each status.
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["Failed"] = "FALHOU",
        ["Missed"] = "ATRASADO",
        ["Silent"] = "SEM CONTATO",
        ["Warning"] = "ATENÇÃO",
        ["Ok"] = "OK",
        ["Unknown"] = "SEM DADOS",
    };

    public static async Task<int> PrintAsync(Uri collector, string key, TextWriter output)
    {
        using var http = new HttpClient { BaseAddress = collector };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        using var status = JsonDocument.Parse(await http.GetStringAsync("api/status").ConfigureAwait(false));
        var rows = new List<(string Branch, string Set, string State, string Since, string Why)>();
        foreach (var branch in status.RootElement.GetProperty("branches").EnumerateArray())
        {
            foreach (var set in branch.GetProperty("sets").EnumerateArray())
            {
                var reasons = set.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("pt").GetString()).ToList();
                var since = set.GetProperty("sinceUtc").ValueKind == JsonValueKind.String
                    ? set.GetProperty("sinceUtc").GetDateTime().ToLocalTime().ToString("dd/MM HH:mm", CultureInfo.InvariantCulture)
                    : "";
                rows.Add((branch.GetProperty("branchId").GetString()!, set.GetProperty("setId").GetString()!, set.GetProperty("status").GetString()!, since, string.Join(" | ", reasons)));
            }
        }

        output.WriteLine($"{"Filial",-7} {"Conjunto",-12} {"Estado",-11} {"Desde",-12} Motivo");
        foreach (var row in rows.Where(r => r.State != "Unknown").OrderBy(r => Array.IndexOf(Order, r.State)).ThenBy(r => r.Branch, StringComparer.Ordinal))
        {
            output.WriteLine($"{row.Branch,-7} {row.Set,-12} {Words.GetValueOrDefault(row.State, row.State),-11} {row.Since,-12} {row.Why}");
        }

        var waiting = rows.Where(r => r.State == "Unknown").Select(r => r.Branch).Distinct().ToList();
        if (waiting.Count > 0)
        {
            output.WriteLine($"Ainda sem manifesto ({waiting.Count} filiais): {string.Join(", ", waiting)}");
        }

        var sheet = status.RootElement.GetProperty("sheet");
        var problem = sheet.GetProperty("problem");
        output.WriteLine(problem.ValueKind == JsonValueKind.String
            ? $"Planilha ({sheet.GetProperty("target").GetString()}): PROBLEMA DE ENTREGA: {problem.GetString()}"
            : $"Planilha: {sheet.GetProperty("target").GetString()}; {sheet.GetProperty("branchesWaiting").GetInt32()} filiais com alertas a entregar");

        return 0;
    }
}
