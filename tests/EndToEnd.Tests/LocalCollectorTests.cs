using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.EndToEnd.Tests;

public sealed class LocalCollectorTests
{
    private static string Registry => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    private static FileReport[] Week(string prefix, long size, DateTime newest, int days = 7) =>
        [.. Enumerable.Range(0, days).Select(d => File($"{prefix}_{newest.AddDays(-d):MMdd}.bak", size, newest.AddDays(-d)))];

    /// <summary>Posts as the branch's own enrolled probe: signed with its key, no admin key.</summary>
    private static async Task<HttpResponseMessage> PostAsync(LocalHostProcess host, Manifest manifest)
    {
        using var probe = await EnrolledProbe.EnrollAsync(host, manifest.BranchId);
        return await probe.PostAsync(manifest);
    }

    [Fact]
    public async Task The_local_collector_judges_good_empty_missing_stale_and_corrupt_backups_end_to_end()
    {
        await using var host = await LocalHostProcess.StartAsync(storage: null);
        var now = DateTime.UtcNow;
        var lastNight = Local(DateTime.UtcNow.Year, DateTime.UtcNow.Month, DateTime.UtcNow.Day, 0).AddHours(-2);
        var corrupt = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = "CRC-32 mismatch" };

        var unauthorized = await new HttpClient { BaseAddress = host.Address }.PostAsync("api/branches/import", new StringContent(Registry));
        var import = await host.Client.PostAsync("api/branches/import", new StringContent(Registry));
        Manifest Run(string branch, params BackupSetReport[] sets) => Manifest(now, sets) with { BranchId = branch };
        var estoque = Set(Week("Estoque", 50_000_000, lastNight)) with { Id = "sql-estoque" };
        var responses = new[]
        {
            await PostAsync(host, Run("F003", Set(Week("Vendas", 300_000_000, lastNight)) with { Id = "sql-vendas" }, estoque)),
            await PostAsync(host, Run("F004", Set() with { Id = "sql-vendas" }, estoque)),
            await PostAsync(host, Run("F006", Set() with { Id = "sql-vendas", Exists = false, Readable = false, Error = new ProblemReport { Code = ProblemCode.NotFound } }, estoque)),
            await PostAsync(host, Run("F007", Set(Week("Vendas", 300_000_000, lastNight.AddDays(-5))) with { Id = "sql-vendas" }, estoque)),
            await PostAsync(host, Run("F008", Set([.. Week("Vendas", 300_000_000, lastNight).Select((f, i) => i == 0 ? f with { Archive = corrupt } : f)]) with { Id = "sql-vendas" }, estoque)),
        };
        var status = JsonDocument.Parse(await host.Client.GetStringAsync("api/status")).RootElement;
        var branch = JsonDocument.Parse(await host.Client.GetStringAsync("api/branches/F003")).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        string Of(string id) => status.GetProperty("branches").EnumerateArray().Single(b => b.GetProperty("branchId").GetString() == id)
            .GetProperty("sets").EnumerateArray().Single(s => s.GetProperty("setId").GetString() == "sql-vendas").GetProperty("status").GetString()!;
        Assert.Equal("Ok", Of("F003"));
        Assert.Equal("Failed", Of("F004"));
        Assert.Equal("Failed", Of("F006"));
        Assert.Equal("Missed", Of("F007"));
        Assert.Equal("Failed", Of("F008"));
        Assert.Equal("Unknown", Of("F001"));
        Assert.Equal(30, branch.GetProperty("sets")[0].GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task The_local_host_starts_its_own_Azurite_without_storage_settings_and_stops_it_on_exit()
    {
        int[] Azurites() => Process.GetProcessesByName("node").Where(p => Commandline(p).Contains("azurite", StringComparison.Ordinal)).Select(p => p.Id).ToArray();
        var before = Azurites();

        var host = await LocalHostProcess.StartAsync(storage: null);
        var during = Azurites().Except(before).ToArray();
        await host.DisposeAsync();
        await Task.Delay(500);
        var after = Azurites().Intersect(during).ToArray();

        Assert.NotEmpty(during);
        Assert.Empty(after);
    }

    private static string Commandline(Process process)
    {
        try
        {
            return System.IO.File.ReadAllText($"/proc/{process.Id}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
