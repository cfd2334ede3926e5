using System.Text;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>Loads the sample registry into the collector, then, branch by branch, the demo branches' smaller size minimums.</summary>
public static class DemoRegistry
{
    private static readonly (string Id, string Name)[] Demo =
    [
        ("F003", "Loja Pinheiros"), ("F004", "Loja Moema"), ("F006", "Loja Tatuapé"), ("F007", "Loja Campinas"), ("F008", "Loja Santos"),
    ];

    public static async Task<int> RegisterAsync(Uri collector, string key, string registryFile, TextWriter output)
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
            var put = await http.PutAsync($"api/branches/{id}", new StringContent(DemoBranches.Override(id, name), Encoding.UTF8, "application/json")).ConfigureAwait(false);
            output.WriteLine($"PUT /api/branches/{id}: {(int)put.StatusCode}");
            if (!put.IsSuccessStatusCode)
            {
                output.WriteLine(await put.Content.ReadAsStringAsync().ConfigureAwait(false));
                return 1;
            }
        }

        return 0;
    }
}
