using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>A branch of the sample registry (F003, template loja-sql) driven through the function classes, as its probe and ops would.</summary>
public sealed class Branch(TestCollector collector)
{
    public const string Id = "F003";

    public async Task ImportSampleAsync() =>
        Assert.IsType<Microsoft.AspNetCore.Mvc.OkObjectResult>(await new ImportRegistry(collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default));

    /// <summary>Nightly dumps of both sets, the newest written just before <paramref name="at"/>; <paramref name="vendas"/> replaces the sql-vendas files.</summary>
    public static Manifest Run(DateTime at, IReadOnlyList<FileReport>? vendas = null) => Manifest(at,
        Set([.. vendas ?? Vendas(at, 7)]) with { Id = "sql-vendas" },
        Set([.. Enumerable.Range(0, 7).Select(d => File($"Estoque_{at.AddDays(-d):MMdd}.zip", 50_000_000, at.AddDays(-d).AddMinutes(-50)))]) with { Id = "sql-estoque" }) with { BranchId = Id };

    public static IReadOnlyList<FileReport> Vendas(DateTime at, int count) =>
        [.. Enumerable.Range(0, count).Select(i => File($"Vendas_{i:00000}.bak", 300_000_000, at.AddMinutes(-55 - i), Sha($"vendas {i}")))];

    /// <summary>Posts a manifest as the probe does (gzip, with its send time); the HTTP status.</summary>
    public async Task<int> SendAsync(Manifest manifest, DateTime? sentUtc = null)
    {
        var headers = new List<(string, string)>();
        if (sentUtc is { } sent)
        {
            headers.Add((ManifestUpload.SentUtcHeader, sent.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var result = await collector.Receive().Run(collector.ManifestRequest(manifest.BranchId, Manifests.Gzip(Manifests.Json(manifest)), [.. headers]), default);
        return ((Microsoft.AspNetCore.Mvc.ObjectResult)result).StatusCode ?? 200;
    }

    public async Task<Collector.Reading.SetStatusView> SetAsync(string setId) =>
        (await collector.Status.OneAsync(Id, default))!.Sets.Single(s => s.SetId == setId);

    public async Task<SetStatus> StatusAsync(string setId = "sql-vendas") => (await SetAsync(setId)).Status;
}
