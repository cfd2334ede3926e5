using MonitoramentoBKP.Probe.Commands;
using MonitoramentoBKP.Probe.Tests.Cli;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Install;

/// <summary><c>status</c> shows the version and the next scheduled run, and says so plainly when the scheduler cannot answer.</summary>
public sealed class StatusSchedulerTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Status_shows_the_version_and_says_when_the_scheduler_cannot_tell_the_next_run()
    {
        // No systemd runs here (and no timer is installed), so the scheduler cannot answer.
        _tree.File("probe.json", """{ "branchId": "F042", "stateDirectory": "state", "language": "en" }""");

        var run = ProbeProcess.Run(_tree.Root, "status", "--config", _tree.PathOf("probe.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Version:           {CommandSupport.Version}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Next run:          the scheduler did not answer (probe not installed? bkp-probe install)", run.Stdout, StringComparison.Ordinal);
    }
}
