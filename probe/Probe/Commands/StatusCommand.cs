using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Install;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe status</c>: what this probe is and holds, read from its files only (no network, no lock, no scan):
/// identity (branch, key id), version, collector, the kept policy, the clock correction, the last runs and their
/// outcome, what waits in the spool, and the next run as the scheduler reports it (the one question asked outside).
/// </summary>
public static class StatusCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("status", "Mostra identidade, coletor, últimas execuções e a fila de envio / show identity, collector, last runs and the outbox");
        common.AddTo(command);
        command.SetAction(parse => Run(common.Read(parse)));
        return command;
    }

    private static int Run(ConfigOverrides overrides)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit, requireCollector: false, setsRequired: false);
        if (config is null)
        {
            return exit;
        }

        var m = new Messages(config.Language);
        var output = Console.Out;
        var im = new InstallMessages(config.Language);
        output.WriteLine(m.StatusBranch(config.BranchId));
        Update.UpdateStatusLines.Write(config, m, output);
        try
        {
            using var key = new ProbeKeyStore(m).Load(config.KeyFile);
            output.WriteLine(m.StatusKey(Contracts.Signing.KeyId.Of(key), config.KeyFile));
        }
        catch (ProbeKeyException e)
        {
            output.WriteLine(m.StatusKeyProblem(e.Message));
        }

        output.WriteLine(config.CollectorUrl is { } url ? m.StatusCollector(url.ToString()) : m.StatusNoCollector);
        var policy = PolicyClient.ReadCache(config.StateDirectory);
        output.WriteLine(m.StatusPolicy(policy?.Version, policy?.Sets.Count ?? 0));
        output.WriteLine(m.StatusClock(ClockOffset.Load(config.StateDirectory).Offset));
        output.WriteLine(m.StatusRunsHeader);
        var runs = RunLog.Read(config.StateDirectory);
        if (runs.Count == 0)
        {
            output.WriteLine(m.StatusNoRuns);
        }

        foreach (var run in runs.TakeLast(10).Reverse())
        {
            output.WriteLine(m.StatusRun(run));
        }

        var spool = Spool.Status(config.StateDirectory);
        output.WriteLine(m.StatusSpool(spool));
        if (spool.PendingDrop is { } drop)
        {
            output.WriteLine(m.StatusDropped(drop));
        }

        if ((OperatingSystem.IsWindows() || OperatingSystem.IsLinux()) && Directory.Exists(config.StateDirectory))
        {
            output.WriteLine(im.StatusAccess(config.StateDirectory, Access(config.StateDirectory)));
        }

        output.WriteLine(im.StatusNextRun(NextRun()));
        return ExitCodes.Ok;
    }

    /// <summary>Who may open the state folder (and so the key), as the system reads it back.</summary>
    private static string Access(string folder)
    {
        try
        {
            return InstallPlatform.ForThisSystem(null, new InstallMessages(Language.English)).AccessOf(folder);
        }
        catch (Exception e) when (e is InstallStepException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return e.Message;
        }
    }

    /// <summary>What the scheduler says of the installed task or timer; null when it cannot say (not installed, no scheduler running).</summary>
    private static string? NextRun()
    {
        try
        {
            return OperatingSystem.IsWindows() || OperatingSystem.IsLinux()
                ? InstallPlatform.ForThisSystem(null, new InstallMessages(Language.English)).NextRun(InstallLayout.ForThisSystem())
                : null;
        }
        catch (Exception e) when (e is InstallStepException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
