using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Cli;

public sealed class ScanCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_bad_config_prints_one_line_naming_the_field_and_exits_2()
    {
        _tree.File("probe.json", """{ "sets": [ { "id": "sql", "root": "C:/b", "include": ["[abc"] } ] }""");

        var result = ProbeProcess.Run(_tree.Root, "scan");

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("bkp-probe: ", line, StringComparison.Ordinal);
        Assert.Contains("sets[0].include[0]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_non_interactive_scan_prints_only_the_requested_manifest_which_validates()
    {
        _tree.File("backup/Vendas.bak", TempTree.Random(10_000, 1));

        var result = ProbeProcess.Run(_tree.Root, "scan", "--set", "sql=backup", "--state-dir", "state", "--branch", "F042", "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Stderr);
        Assert.Empty(SchemaValidator.Errors(result.Stdout));
        var manifest = JsonSerializer.Deserialize(result.Stdout, ContractsJson.Context.Manifest)!;
        Assert.Equal("F042", manifest.BranchId);
        Assert.Equal("Vendas.bak", Assert.Single(manifest.Sets[0].Files).Path);
    }

    [Fact]
    public void Problems_found_give_exit_1_and_the_manifest_is_still_written_whole()
    {
        _tree.File("backup/Vendas.bak", "x");

        var result = ProbeProcess.Run(_tree.Root, "scan", "--set", "sql=backup", "--set", "fotos=nao_existe", "--state-dir", "state", "--output", "out/manifest.json");
        _tree.Folder("out");
        var retry = ProbeProcess.Run(_tree.Root, "scan", "--set", "sql=backup", "--set", "fotos=nao_existe", "--state-dir", "state", "--output", "out/manifest.json");

        Assert.Equal(ExitCodes.OutputFailed, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.ProblemsFound, retry.ExitCode);
        Assert.Empty(retry.Stdout);
        Assert.Empty(SchemaValidator.Errors(File.ReadAllText(_tree.PathOf("out/manifest.json"))));
        Assert.Equal(["manifest.json"], Directory.GetFiles(_tree.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_second_run_while_one_holds_the_state_folder_exits_4()
    {
        _tree.File("backup/a.bak", "x");
        using var held = StateLock.TryAcquire(_tree.PathOf("state"));

        var result = ProbeProcess.Run(_tree.Root, "scan", "--set", "sql=backup", "--state-dir", "state");

        Assert.NotNull(held);
        Assert.Equal(ExitCodes.AlreadyRunning, result.ExitCode);
        Assert.Contains("outra execução", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_documents_the_exit_codes_and_version_prints_the_probe_version()
    {
        var help = ProbeProcess.Run(_tree.Root, "--help");
        var version = ProbeProcess.Run(_tree.Root, "--version");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("70", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("scan", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout.Trim());
    }

    [Fact]
    public void Timings_report_that_a_warm_rescan_read_no_content()
    {
        _tree.File("backup/a.bak", TempTree.Random(50_000, 1));
        ProbeProcess.Run(_tree.Root, "scan", "--set", "sql=backup", "--state-dir", "state");

        var result = ProbeProcess.Run(_tree.Root, "scan", "--set", "sql=backup", "--state-dir", "state", "--timings", "--reverify-budget", "0");

        Assert.Contains("contentBytesRead=0 ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("filesFromCache=1 ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var result = ProbeProcess.Run(_tree.Root, "scan", "--verfy-all");

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        Assert.Contains("--verfy-all", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
