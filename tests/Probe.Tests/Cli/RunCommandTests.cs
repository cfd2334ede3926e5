using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();

    private readonly System.Security.Cryptography.ECDsa _key;

    public RunCommandTests()
    {
        _tree.File("backup/Vendas.bak", TempTree.Random(10_000, 1));
        _key = new ProbeKeyStore(new Messages(Language.English)).Create(_tree.PathOf("state/probe.key"));
    }

    public void Dispose()
    {
        _key.Dispose();
        _collector.Dispose();
        _tree.Dispose();
    }

    private ProbeProcess.Result Run(params string[] extra) =>
        ProbeProcess.Run(_tree.Root, ["run", "--set", "sql=backup", "--state-dir", "state", "--branch", "F042", .. extra]);

    [Fact]
    public void An_unattended_run_delivers_the_manifest_prints_nothing_and_exits_0()
    {
        var result = Run("--collector", _collector.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Empty(result.Stderr);
        var request = Assert.Single(_collector.Requests);
        Assert.Equal("F042", request.Header("X-Bkp-Branch"));
        Assert.Null(request.Header("x-functions-key"));
        Assert.Null(Signed.Verify(request, _collector.Url, _key));
        Assert.Empty(SchemaValidator.Errors(request.DecompressedBody()));
        Assert.Empty(Directory.GetFiles(_tree.PathOf("state"), "outgoing-*"));
        Assert.Equal(0, Spool.Status(_tree.PathOf("state")).Count);
    }

    [Fact]
    public void A_run_can_also_keep_the_manifest_it_delivered_in_a_file()
    {
        var result = Run("--collector", _collector.Url.ToString(), "--output", "manifest.json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var kept = File.ReadAllText(_tree.PathOf("manifest.json"));
        var manifest = JsonSerializer.Deserialize(kept, ContractsJson.Context.Manifest)!;
        Assert.Equal(manifest.RunId.ToString("D"), Assert.Single(_collector.Requests).Header("X-Bkp-Run-Id"));
    }

    [Fact]
    public void A_refusal_exits_6_with_one_line_carrying_the_problems_detail_and_is_not_retried()
    {
        var problem = JsonSerializer.Serialize(new ProblemDetails { Title = "Unknown branch", Detail = "Branch 'F042' is not in the registry." }, DeliveryJsonContext.Default.ProblemDetails);
        _collector.Otherwise = new FakeCollector.Reply(403, problem, "application/problem+json");

        var result = Run("--collector", _collector.Url.ToString(), "--lang", "en");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("bkp-probe: the collector REFUSED the manifest: HTTP 403: Unknown branch: Branch 'F042' is not in the registry.", line);
        Assert.Single(_collector.Requests);
        Assert.Equal(1, Spool.Status(_tree.PathOf("state")).RefusedCount);
        Assert.Equal(0, Spool.Status(_tree.PathOf("state")).Count);
    }

    [Fact]
    public void A_run_the_collector_cannot_take_exits_5_keeping_the_manifest_which_the_next_run_delivers_first()
    {
        _collector.RemembersRuns = true;
        _collector.Otherwise = new FakeCollector.Reply(503, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" });

        var down = Run("--collector", _collector.Url.ToString(), "--lang", "en");
        var kept = Spool.Status(_tree.PathOf("state"));
        _collector.Otherwise = new FakeCollector.Reply(202);
        var back = Run("--collector", _collector.Url.ToString(), "--lang", "en");

        Assert.Equal(ExitCodes.NotDelivered, down.ExitCode);
        var line = Assert.Single(down.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("bkp-probe: manifest NOT delivered to the collector after 5 attempt(s): HTTP 503; 1 manifest kept in the outbox for the next run", line);
        Assert.Equal(1, kept.Count);
        Assert.Equal(ExitCodes.Ok, back.ExitCode);
        Assert.Empty(back.Stderr);
        Assert.Equal(2, _collector.Accepted.Distinct().Count());
        Assert.Equal(_collector.Requests[0].Header("X-Bkp-Run-Id"), _collector.Accepted[0]);
        Assert.Equal(new SpoolStatus { Count = 0, TotalBytes = 0, RefusedCount = 0 }, Spool.Status(_tree.PathOf("state")));
    }

    [Fact]
    public void A_refused_pending_manifest_is_reported_and_set_aside_while_the_new_one_is_delivered_and_the_run_exits_0()
    {
        _collector.Otherwise = new FakeCollector.Reply(503, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" });
        Run("--collector", _collector.Url.ToString());
        _collector.Otherwise = new FakeCollector.Reply(202);
        _collector.Script(new FakeCollector.Reply(400));

        var result = Run("--collector", _collector.Url.ToString(), "--lang", "en");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("bkp-probe: the collector REFUSED the pending manifest of run ", line, StringComparison.Ordinal);
        Assert.Contains(": HTTP 400; kept in " + Path.Combine(_tree.PathOf("state"), "spool", "refused"), line, StringComparison.Ordinal);
        Assert.Equal(new SpoolStatus { Count = 0, TotalBytes = 0, RefusedCount = 1 }, Spool.Status(_tree.PathOf("state")));
    }

    [Fact]
    public void Run_without_a_collector_address_exits_2_naming_collectorUrl_before_scanning()
    {
        var result = Run();

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(": collectorUrl: obrigatório para 'run'", line, StringComparison.Ordinal);
        Assert.Equal(["probe.key"], Directory.GetFileSystemEntries(_tree.PathOf("state")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_collector_address_that_is_not_http_exits_2_naming_the_option()
    {
        var result = Run("--collector", "ftp://coletor.exemplo.com.br");

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        Assert.StartsWith("bkp-probe: command line: --collector: 'ftp://coletor.exemplo.com.br'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_collector.Requests);
    }

    [Fact]
    public void A_run_while_another_holds_the_state_folder_exits_4_and_sends_nothing()
    {
        using var held = StateLock.TryAcquire(_tree.PathOf("state"));

        var result = Run("--collector", _collector.Url.ToString());

        Assert.NotNull(held);
        Assert.Equal(ExitCodes.AlreadyRunning, result.ExitCode);
        Assert.Empty(_collector.Requests);
    }
}
