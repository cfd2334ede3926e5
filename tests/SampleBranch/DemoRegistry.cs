using System.Text;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>Loads the sample registry into the collector, then, branch by branch, the demo branches' smaller size minimums.</summary>
public static class DemoRegistry
{
    private static readonly (string Id, string Name)[] Demo =
    [
        ("F003", "Loja Pinheiros"), ("F004", "Loja Moema"), ("F006", "Loja Tatuapé"), ("F007", "Loja Campinas"), ("F008", "Loja Santos"),
    ];

    public static IEnumerable<string> Ids => Demo.Select(d => d.Id);

    public static async Task<int> RegisterAsync(Uri collector, string key, string registryFile, string branchesRoot, TextWriter output)
    {
        using var http = new HttpClient { BaseAddress = collector };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        var import = await http.PostAsync("api/branches/import", new StringContent(await File.ReadAllTextAsync(registryFile).ConfigureAwait(false), Encoding.UTF8, "application/json")).ConfigureAwait(false);
        output.WriteLine($"POST /api/branches/import: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        if (!import.IsSuccessStatusCode)
        {
            return 1;
        }

        foreach (var (id, name) in Demo)
        {
            var put = await http.PutAsync($"api/branches/{id}", new StringContent(DemoBranches.Override(id, name, branchesRoot), Encoding.UTF8, "application/json")).ConfigureAwait(false);
            output.WriteLine($"PUT /api/branches/{id}: {(int)put.StatusCode}");
            if (!put.IsSuccessStatusCode)
            {
                output.WriteLine(await put.Content.ReadAsStringAsync().ConfigureAwait(false));
                return 1;
            }
        }

        return 0;
    }

    /// <summary>Asks for a one-time enrollment token for <paramref name="branchId"/>, as ops does, and prints it alone.</summary>
    public static async Task<int> TokenAsync(Uri collector, string key, string branchId, TextWriter output)
    {
        using var http = new HttpClient { BaseAddress = collector };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        var response = await http.PostAsync($"api/branches/{Uri.EscapeDataString(branchId)}/enrollment", null).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"POST /api/branches/{branchId}/enrollment: {(int)response.StatusCode} {body}").ConfigureAwait(false);
            return 1;
        }

        using var document = System.Text.Json.JsonDocument.Parse(body);
        output.WriteLine(document.RootElement.GetProperty("token").GetString());
        return 0;
    }
}
