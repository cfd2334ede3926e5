using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.Storage;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.EndToEnd.Tests;

/// <summary>
/// Issue 10's whole release path at once, on the local host with Azurite: ten branches in the registry, ten real
/// probe processes enrolled through the host, each in its own program folder, run round after round as the schedule
/// runs them. Releases are cut with the real bkp-release (sign with a key file, upload to Azurite, publish): B at 20%
/// reaches exactly the branches the collector's rollout selects, then at 100% everyone; a bad release C, which passes
/// its self-test and fails every run after it, is installed everywhere and rolled back everywhere within two rounds
/// and never fetched again; and every manifest of the period is counted once by the collector.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ReleaseRolloutTests(PublishedProbes published, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PublishedProbes>, IDisposable
{
    private const string A = PublishedProbes.Old;
    private const string B = PublishedProbes.New;
    private const string C = "9.3.0";
    private const string Channel = "stable";
    private const string RolledBackNote = "atualização falhou, versão anterior restaurada (9.3.0 → 9.2.0)";

    /// <summary>Branch ids whose places in release B's rollout put some, not all, of them in its first 20%.</summary>
    private static readonly string[] Branches = [.. Enumerable.Range(1, 10).Select(i => $"R{i:00}")];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bkp-e2e-rollout-" + Guid.NewGuid().ToString("N"));
    private readonly Stopwatch _clock = new();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder goes with the machine.
        }
    }

    private string PathOf(string name) => Path.Combine(_root, name);

    /// <summary>C's linux-x64 file: passes the staged self-test (says it is 9.3.0), then exits 3 on every run; each start is logged.</summary>
    private string BadRelease => $"#!/bin/sh\necho \"$1 $3\" >> '{PathOf("c-starts.log")}'\nif [ \"$1\" = self-test ]; then echo {C}; exit 0; fi\nexit 3\n";

    private string Registry() => JsonSerializer.Serialize(new
    {
        templates = new Dictionary<string, object>
        {
            ["e2e"] = new { sets = new[] { new { id = "sql-vendas", root = "/nowhere", include = new[] { "*.bak" }, schedule = new[] { "0 22 * * *" } } } },
        },
        branches = Branches.Select(id => new
        {
            id,
            name = "Loja " + id,
            template = "e2e",
            sets = new Dictionary<string, object> { ["sql-vendas"] = new { root = Path.Combine(PathOf(id), "backup") } },
        }),
    });

    private ReleaseToolProcess.Result Tool(params string[] arguments)
    {
        var result = ReleaseToolProcess.Run(_root, arguments);
        Assert.True(result.ExitCode == 0, $"bkp-release {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    /// <summary>sign, upload to Azurite, publish at <paramref name="percent"/>: the release as ops cuts it.</summary>
    private void Cut(string version, string exe, string key, LocalAzurite azurite, LocalHostProcess host, int percent)
    {
        var folder = PathOf("release-" + version);
        Tool("sign", "--version", version, "--channel", Channel, "--file", "linux-x64=" + exe, "--key-file", key, "--out", folder);
        Tool("upload", "--dir", folder, "--channel", Channel, "--version", version, "--connection-string", azurite.ConnectionString);
        Publish(version, host, percent);
    }

    private void Publish(string version, LocalHostProcess host, int percent) =>
        Tool("publish", "--collector", host.Address.ToString(), "--admin-key", LocalHostProcess.Key, "--channel", Channel, "--version", version, "--percent", percent.ToString(CultureInfo.InvariantCulture));

    /// <summary>One scheduled round: every probe runs as its timer runs it, four machines at a time.</summary>
    private async Task<Dictionary<string, InstalledProbe.ScheduledRun>> RoundAsync(IReadOnlyList<InstalledProbe> probes, string what)
    {
        var started = _clock.Elapsed;
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, InstalledProbe.ScheduledRun>();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (probe, _) => runs[probe.BranchId] = await probe.ScheduledAsync());
        var took = runs.Values.Select(r => r.Took.TotalSeconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_clock.Elapsed.TotalSeconds,6:0.0} s  round {what}: {(_clock.Elapsed - started).TotalSeconds:0.0} s (one machine's run + recover: median {took[took.Count / 2]:0.0} s, slowest {took[^1]:0.0} s)"));
        foreach (var (branch, run) in runs)
        {
            Assert.True(run.Run.ExitCode == 0 || run.Recover?.ExitCode == 0, $"{branch} ({what}): run exited {run.Run.ExitCode} ({run.Run.Stderr}), recover {run.Recover?.ExitCode} ({run.Recover?.Stderr})");
        }

        return new Dictionary<string, InstalledProbe.ScheduledRun>(runs, StringComparer.Ordinal);
    }

    private Dictionary<string, string> VersionsByHash(string c) => new(StringComparer.Ordinal)
    {
        [Hash(File.ReadAllBytes(published.OldExe))] = A,
        [Hash(File.ReadAllBytes(published.NewExe))] = B,
        [Hash(File.ReadAllBytes(c))] = C,
    };

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The version of the file at <paramref name="path"/>, known by its bytes; null when there is no file.</summary>
    private static string? VersionAt(string path, Dictionary<string, string> versions) =>
        File.Exists(path) ? versions.GetValueOrDefault(Hash(File.ReadAllBytes(path)), "unknown bytes") : null;

    private static async Task<JsonElement> StatusAsync(LocalHostProcess host) => await host.Client.GetFromJsonAsync<JsonElement>("api/status");

    private static JsonElement ReleaseIn(JsonElement status, string version) =>
        status.GetProperty("fleet").GetProperty("releases").EnumerateArray().Single(r => r.GetProperty("version").GetString() == version);

    /// <summary>The fleet's versions as <c>GET api/status</c> counts them, newest first.</summary>
    private static List<(string?, int)> Fleet(JsonElement status) =>
        [.. status.GetProperty("fleet").GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("version").GetString(), v.GetProperty("branches").GetInt32()))];

    private int CStarts(string kind) => File.Exists(PathOf("c-starts.log")) ? File.ReadAllLines(PathOf("c-starts.log")).Count(l => l.StartsWith(kind + " ", StringComparison.Ordinal)) : 0;

    [Fact]
    public async Task A_release_reaches_20_then_100_percent_of_ten_probes_a_bad_one_is_rolled_back_everywhere_and_every_manifest_is_counted_once()
    {
        Directory.CreateDirectory(_root);
        output.WriteLine($"Publishing {A} and {B} (the class fixture, once per run): {published.PublishTime.TotalSeconds:0.0} s");
        _clock.Start();
        await using var azurite = await LocalAzurite.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(azurite.ConnectionString);
        (await host.Client.PostAsync("api/branches/import", new StringContent(Registry()))).EnsureSuccessStatusCode();
        var key = Tool("keygen", "--out", PathOf("release-signing.pem")).Stdout.Split('\n').Single(l => l.StartsWith("Public key:", StringComparison.Ordinal))["Public key:".Length..].Trim();
        var probes = new List<InstalledProbe>();
        foreach (var branch in Branches)
        {
            var probe = await InstalledProbe.InstallAsync(PathOf(branch), branch, published.OldExe, host);
            probe.TrustReleaseKey(key);
            probes.Add(probe);
        }

        Directory.CreateDirectory(PathOf("c"));
        var cExe = Path.Combine(PathOf("c"), "bkp-probe");
        await File.WriteAllTextAsync(cExe, BadRelease);
        var versions = VersionsByHash(cExe);
        string?[] Currents() => [.. probes.Select(p => VersionAt(p.Current, versions))];
        output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  host, Azurite, release key and ten enrolled probes on {A}");

        // Round 1, nothing published: everyone delivers on A.
        await RoundAsync(probes, $"1 (all on {A})");
        Assert.All(Currents(), v => Assert.Equal(A, v));

        // B at 20%: after their run, exactly the branches the collector's rollout selects move to B.
        Cut(B, published.NewExe, PathOf("release-signing.pem"), azurite, host, percent: 20);
        var selected = Branches.Where(b => RolloutOrder.Includes(b, B, 20)).ToList();
        var atTwenty = ReleaseIn(await StatusAsync(host), B);
        var round2 = await RoundAsync(probes, $"2 ({B} at 20%)");
        var moved = probes.Where(p => VersionAt(p.Current, versions) == B).Select(p => p.BranchId).ToList();
        output.WriteLine($"        {B} at 20% moved {string.Join(", ", moved)}; the collector offers it to {atTwenty.GetProperty("branchesOffered").GetInt32()} of 10");
        Assert.Equal(selected, moved);
        Assert.InRange(moved.Count, 1, Branches.Length - 1);
        Assert.Equal((20, moved.Count), (atTwenty.GetProperty("percent").GetInt32(), atTwenty.GetProperty("branchesOffered").GetInt32()));
        Assert.All(probes.Where(p => moved.Contains(p.BranchId)), p => Assert.Equal(A, VersionAt(p.Previous, versions)));
        Assert.All(probes.Where(p => !moved.Contains(p.BranchId)), p => Assert.False(File.Exists(p.Previous), p.BranchId));
        Assert.All(moved, b => Assert.Contains($"version {B} installed", round2[b].Run.Stderr, StringComparison.Ordinal));

        // 100%: the next round everyone is on B; the round after confirms the last ones and reports B everywhere.
        Publish(B, host, percent: 100);
        await RoundAsync(probes, $"3 ({B} at 100%)");
        Assert.All(Currents(), v => Assert.Equal(B, v));

        // Each branch's last manifest came from the version that ran it: the early ones on B, the others still on A.
        var mixed = await StatusAsync(host);
        Assert.Equal([(B, moved.Count), (A, Branches.Length - moved.Count)], Fleet(mixed));
        Assert.Equal((100, moved.Count), (ReleaseIn(mixed, B).GetProperty("percent").GetInt32(), ReleaseIn(mixed, B).GetProperty("branchesRunning").GetInt32()));
        var round4 = await RoundAsync(probes, $"4 (all on {B})");
        Assert.All(probes.Where(p => !moved.Contains(p.BranchId)), p => Assert.Contains("confirmed", round4[p.BranchId].Recover!.Stderr, StringComparison.Ordinal));
        var onB = await StatusAsync(host);
        Assert.All(onB.GetProperty("branches").EnumerateArray(), b => Assert.Equal((b.GetProperty("branchId").GetString(), B), (b.GetProperty("branchId").GetString(), b.GetProperty("probeVersion").GetString())));
        Assert.Equal([(B, 10)], Fleet(onB));
        var releaseB = ReleaseIn(onB, B);
        Assert.Equal((100, 10, 10), (releaseB.GetProperty("percent").GetInt32(), releaseB.GetProperty("branchesOffered").GetInt32(), releaseB.GetProperty("branchesRunning").GetInt32()));

        // C at 100%: it passes its self-test, so every probe puts it in place after delivering on B.
        Cut(C, cExe, PathOf("release-signing.pem"), azurite, host, percent: 100);
        await RoundAsync(probes, $"5 ({C} at 100%)");
        Assert.All(Currents(), v => Assert.Equal(C, v));
        Assert.All(probes, p => Assert.Equal(B, VersionAt(p.Previous, versions)));
        Assert.Equal((10, 0), (CStarts("self-test"), CStarts("run")));

        // C exits 3 at every run; B (bkp-probe.previous) counts the failure and runs in its place, and rolls C back at the second.
        var round6 = await RoundAsync(probes, $"6 ({C} fails, 1 of 2)");
        Assert.All(round6.Values, r => Assert.Equal(3, r.Run.ExitCode));
        Assert.All(Currents(), v => Assert.Equal(C, v));
        var round7 = await RoundAsync(probes, $"7 ({C} fails, 2 of 2)");
        Assert.All(round7.Values, r => Assert.Contains($"update failed, previous version restored: {C} → {B}", r.Recover!.Stderr, StringComparison.Ordinal));
        Assert.All(Currents(), v => Assert.Equal(B, v));
        Assert.All(probes, p => Assert.Equal(C, VersionAt(p.Failed, versions)));
        Assert.All(probes, p => Assert.False(File.Exists(p.Previous), p.BranchId));
        foreach (var branch in Branches)
        {
            var view = await host.Client.GetFromJsonAsync<JsonElement>($"api/branches/{branch}");
            Assert.Equal(RolledBackNote, view.GetProperty("probeNote").GetProperty("pt").GetString());
            Assert.Equal(("rolledBack", C, B), (view.GetProperty("update").GetProperty("outcome").GetString(), view.GetProperty("update").GetProperty("version").GetString(), view.GetProperty("update").GetProperty("previousVersion").GetString()));
        }

        // C is still published at 100%, and never fetched or started again.
        var round8 = await RoundAsync(probes, "8 (after the rollback)");
        Assert.All(round8.Values, r => Assert.Equal((0, null), (r.Run.ExitCode, r.Recover)));
        Assert.All(Currents(), v => Assert.Equal(B, v));
        Assert.Equal((10, 20), (CStarts("self-test"), CStarts("run")));
        Assert.All(probes, p => Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(p.Program, "staging"))));
        var after = await StatusAsync(host);
        Assert.Equal([(B, 10)], Fleet(after));
        Assert.Equal(0, ReleaseIn(after, C).GetProperty("branchesRunning").GetInt32());

        // Every round delivered exactly one manifest per probe, and the collector archived and applied each once.
        const int rounds = 8;
        var manifests = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(BlobManifestArchive.ContainerName);
        var state = new TableClient(azurite.ConnectionString, TableBranchStateStore.TableName);
        foreach (var probe in probes)
        {
            var runs = probe.Runs();
            Assert.Equal(rounds, runs.Count);
            Assert.All(runs, r => Assert.Equal("delivered", r.Outcome));
            string?[] expected = [A, A, moved.Contains(probe.BranchId) ? B : A, B, B, B, B, B];
            Assert.Equal(expected, runs.Select(r => r.ProbeVersion));
            var sent = runs.Select(r => r.RunId).ToHashSet();
            Assert.Equal(rounds, sent.Count);

            var archived = new List<Guid>();
            await foreach (var blob in manifests.GetBlobsAsync(new GetBlobsOptions { Prefix = probe.BranchId + "/" }))
            {
                archived.Add(Guid.Parse(Path.GetFileName(blob.Name).Split('.')[0]));
            }

            // The applied-run markers in the branch's partition (row key "run|" + the run id without dashes).
            var applied = new List<Guid>();
            await foreach (var row in state.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {probe.BranchId} and RowKey ge {"run|"} and RowKey lt {"run}"}"), select: ["RowKey"]))
            {
                applied.Add(Guid.ParseExact(row.RowKey["run|".Length..], "N"));
            }

            Assert.Equal(sent.Order(), archived.Order());
            Assert.Equal(sent.Order(), applied.Order());
        }

        output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  done: {rounds} rounds, {rounds * probes.Count} manifests, each archived and applied once");
    }
}
