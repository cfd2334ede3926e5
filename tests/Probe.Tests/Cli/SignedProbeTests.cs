using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Cli;

/// <summary>The real bkp-probe as a branch runs it: enrolled, signing, correcting a wrong clock, scanning what the collector's policy says.</summary>
public sealed class SignedProbeTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();

    public SignedProbeTests() => _tree.File("backup/Vendas.bak", TempTree.Random(10_000, 1));

    public void Dispose()
    {
        _collector.Dispose();
        _tree.Dispose();
    }

    private string Config => _tree.PathOf("probe.json");

    private ECDsa Key() => new ProbeKeyStore(new Messages(Language.English)).Create(_tree.PathOf("state/probe.key"));

    /// <summary>probe.json as enroll leaves it, plus local sets when given.</summary>
    private void WriteConfig(string? sets = null) => File.WriteAllText(Config, $$"""
        { "collectorUrl": "{{_collector.Url}}", "branchId": "F042", "stateDirectory": "state", "language": "en"{{(sets is null ? "" : ", \"sets\": " + sets)}} }
        """);

    private ProbeProcess.Result Probe(params string[] arguments) => ProbeProcess.Run(_tree.Root, [.. arguments, "--config", Config]);

    private string PolicyJson(string setId, string version = "v1") => JsonSerializer.Serialize(new ProbePolicy
    {
        BranchId = "F042",
        Version = version,
        Sets = [new ProbePolicySet { Id = setId, Root = _tree.PathOf("backup"), Include = ["*.bak"] }],
    }, ContractsJsonContext.Default.ProbePolicy);

    private static Manifest Sent(FakeCollector.Request request) => JsonSerializer.Deserialize(request.DecompressedBody(), ContractsJson.Context.Manifest)!;

    [Fact]
    public void A_run_scans_the_collectors_policy_over_local_sets_says_so_and_keeps_the_policy_for_offline_runs()
    {
        using var key = Key();
        WriteConfig("""[ { "id": "local-sql", "root": "backup" } ]""");
        _collector.Policy = PolicyJson("sql-vendas");

        var online = Probe("run");

        Assert.Equal(ExitCodes.Ok, online.ExitCode);
        Assert.Contains("the sets in", online.Stderr, StringComparison.Ordinal);
        Assert.Contains("ignored", online.Stderr, StringComparison.Ordinal);
        Assert.Equal(["sql-vendas"], Sent(_collector.Requests[^1]).Sets.Select(s => s.Id));
        Assert.Null(Signed.Verify(Assert.Single(_collector.PolicyRequests), _collector.Url, key));
        Assert.True(File.Exists(_tree.PathOf("state/policy.json")));

        // The collector can no longer answer for the policy: the kept copy is scanned, and the run says so.
        _collector.Policy = null;
        var offline = Probe("run");

        Assert.Equal(ExitCodes.Ok, offline.ExitCode);
        Assert.Contains("using the kept copy (version v1)", offline.Stderr, StringComparison.Ordinal);
        Assert.Equal(["sql-vendas"], Sent(_collector.Requests[^1]).Sets.Select(s => s.Id));
    }

    [Fact]
    public void A_changed_policy_reaches_the_next_run_without_touching_the_machine()
    {
        using var key = Key();
        WriteConfig();
        _collector.Policy = PolicyJson("sql-vendas", "v1");
        Assert.Equal(ExitCodes.Ok, Probe("run").ExitCode);

        _collector.Policy = PolicyJson("sql-estoque", "v2");
        Assert.Equal(ExitCodes.Ok, Probe("run").ExitCode);

        Assert.Equal(["sql-estoque"], Sent(_collector.Requests[^1]).Sets.Select(s => s.Id));
        Assert.Contains("\"v1\"", _collector.PolicyRequests[^1].Header("If-None-Match"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_policy_a_cache_or_local_sets_there_is_nothing_to_scan_and_the_run_says_why()
    {
        using var key = Key();
        WriteConfig();

        var result = Probe("run");

        Assert.Equal(ExitCodes.NotDelivered, result.ExitCode);
        Assert.Contains("no sets to scan", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_collector.Requests);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    public void A_probe_whose_clock_is_two_hours_off_delivers_on_its_first_run_and_keeps_the_correction(int hours)
    {
        using var key = Key();
        WriteConfig();
        _collector.Policy = PolicyJson("sql-vendas");
        _collector.Clock = () => DateTimeOffset.UtcNow.AddHours(hours);

        var first = Probe("run");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Single(_collector.SkewRefused);
        var delivered = Assert.Single(_collector.Requests);
        Assert.Null(Signed.Verify(delivered, _collector.Url, key));

        // The manifest keeps the machine's own clock, so the collector's clock-skew rule can warn.
        Assert.InRange((Sent(delivered).FinishedUtc - DateTime.UtcNow).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(2));
        Assert.True(File.Exists(_tree.PathOf("state/" + ClockOffset.FileName)));

        var second = Probe("run");
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Single(_collector.SkewRefused);
    }

    [Fact]
    public void A_probe_that_was_never_enrolled_says_so_in_one_line_and_exits_2()
    {
        WriteConfig();

        var result = Probe("run");

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        Assert.Contains("probe.key", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("bkp-probe enroll", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Empty(_collector.Requests);
    }

    [Fact]
    public void Enroll_sends_a_new_public_key_signed_by_it_then_writes_the_key_and_probe_json_with_identity_and_connection_only()
    {
        _collector.Script(new FakeCollector.Reply(201, """{"branchId":"F042","keyId":"k","enrolledUtc":"2026-12-01T00:00:00Z"}"""));

        var result = ProbeProcess.Run(_tree.Root, "enroll", "--collector", _collector.Url.ToString(), "--branch", "F042", "--token", "t0k3n", "--config", Config, "--lang", "en");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var request = Assert.Single(_collector.Requests);
        Assert.Equal("/api/enroll", request.Target);
        var enroll = JsonSerializer.Deserialize(request.Body, ContractsJsonContext.Default.EnrollRequest)!;
        Assert.Equal(("F042", "t0k3n"), (enroll.BranchId, enroll.Token));
        Assert.True(PublicKeyInfo.TryImport(enroll.PublicKey, out var sent, out _));
        using (sent)
        {
            Assert.Null(Signed.Verify(request, _collector.Url, sent!));
            using var kept = new ProbeKeyStore(new Messages(Language.English)).Load(_tree.PathOf("state/probe.key"));
            Assert.Equal(KeyId.Of(sent!), KeyId.Of(kept));
            Assert.Contains(KeyId.Of(kept), result.Stdout, StringComparison.Ordinal);
        }

        using var written = JsonDocument.Parse(File.ReadAllText(Config));
        Assert.Equal(["collectorUrl", "branchId", "keyFile", "stateDirectory", "language"], written.RootElement.EnumerateObject().Select(p => p.Name));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_tree.PathOf("state/probe.key")));
        }
    }

    [Fact]
    public void A_refused_enrollment_changes_nothing_on_the_machine()
    {
        using var before = Key();
        var problem = """{"type":"https://monitoramentobkp.example/problems/token-spent","title":"Enrollment token already used","detail":"The token for branch 'F042' was already used."}""";
        _collector.Script(new FakeCollector.Reply(401, problem, "application/problem+json"));

        var result = ProbeProcess.Run(_tree.Root, "enroll", "--collector", _collector.Url.ToString(), "--branch", "F042", "--token", "spent", "--config", Config, "--lang", "en");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("was already used", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Config));
        using var after = new ProbeKeyStore(new Messages(Language.English)).Load(_tree.PathOf("state/probe.key"));
        Assert.Equal(KeyId.Of(before), KeyId.Of(after));
        Assert.Equal(["probe.key"], Directory.GetFiles(_tree.PathOf("state")).Select(Path.GetFileName));
    }

    [Fact]
    public void Status_shows_identity_collector_policy_the_last_runs_and_the_spool()
    {
        using var key = Key();
        WriteConfig();
        _collector.Policy = PolicyJson("sql-vendas");
        Assert.Equal(ExitCodes.Ok, Probe("run").ExitCode);
        _collector.Otherwise = new FakeCollector.Reply(503);
        Assert.Equal(ExitCodes.NotDelivered, Probe("run").ExitCode);

        var status = Probe("status");

        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains("Branch:            F042", status.Stdout, StringComparison.Ordinal);
        Assert.Contains(KeyId.Of(key), status.Stdout, StringComparison.Ordinal);
        Assert.Contains(_collector.Url.ToString(), status.Stdout, StringComparison.Ordinal);
        Assert.Contains("version v1, 1 set(s)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("not delivered (exit 5), 1 in the spool", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("delivered (exit 0)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Spool:             1 manifest(s) to send", status.Stdout, StringComparison.Ordinal);
    }
}
