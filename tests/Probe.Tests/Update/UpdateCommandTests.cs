using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Cli;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>The update commands of the real bkp-probe, run through dotnet (not installed): the self-test, and a build that trusts no key.</summary>
public sealed class UpdateCommandTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();

    public UpdateCommandTests()
    {
        new ProbeKeyStore(new Messages(Language.English)).Create(_tree.PathOf("state/probe.key")).Dispose();
        _tree.File("probe.json", $$"""{ "collectorUrl": "{{_collector.Url}}", "branchId": "F042", "stateDirectory": "state", "language": "en" }""");
    }

    public void Dispose()
    {
        _collector.Dispose();
        _tree.Dispose();
    }

    [Fact]
    public void The_self_test_loads_the_configuration_and_key_signs_scans_an_empty_folder_and_prints_its_version()
    {
        var result = ProbeProcess.Run(_tree.Root, "self-test", "--config", _tree.PathOf("probe.json"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Stderr);
        Assert.Equal(Commands.CommandSupport.Version, result.Stdout.Trim());
        Assert.Empty(_collector.Requests);
        Assert.Equal(["probe.key"], Directory.GetFiles(_tree.PathOf("state")).Select(Path.GetFileName));
    }

    [Fact]
    public void The_self_test_fails_without_the_branchs_key()
    {
        File.Delete(_tree.PathOf("state/probe.key"));
        Assert.Equal(ExitCodes.BadConfiguration, ProbeProcess.Run(_tree.Root, "self-test", "--config", _tree.PathOf("probe.json")).ExitCode);
    }

    [Fact]
    public void A_build_that_trusts_no_release_key_says_updates_are_off_and_asks_nothing()
    {
        var result = ProbeProcess.Run(_tree.Root, "update", "--check", "--config", _tree.PathOf("probe.json"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("updates are off for this build", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_collector.UpdateRequests);
    }
}
