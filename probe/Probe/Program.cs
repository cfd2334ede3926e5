using System.CommandLine;
using MonitoramentoBKP.Probe;
using MonitoramentoBKP.Probe.Commands;

var root = new RootCommand("bkp-probe: sonda de backups do MonitoramentoBKP / MonitoramentoBKP backup probe. " + ExitCodes.HelpText);
root.Subcommands.Add(ScanCommand.Create(new CommonOptions(), new ScanChoiceOptions()));
root.Subcommands.Add(RunCommand.Create(new CommonOptions(), new ScanChoiceOptions()));
root.Subcommands.Add(EnrollCommand.Create());
root.Subcommands.Add(StatusCommand.Create(new CommonOptions()));
root.Subcommands.Add(InstallCommand.Create());
root.Subcommands.Add(UninstallCommand.Create());
root.Subcommands.Add(UpdateCommand.Create(new CommonOptions()));
root.Subcommands.Add(RecoverCommand.Create(new CommonOptions()));
root.Subcommands.Add(SelfTestCommand.Create(new CommonOptions()));

try
{
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        // A mistyped command line is a usage error like a bad probe.json: one line each, exit code 2.
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"bkp-probe: {error.Message} (bkp-probe --help)");
        }

        return ExitCodes.BadConfiguration;
    }

    return parse.Invoke();
}
catch (Exception e)
{
    // Anything not foreseen: the whole story for whoever reads the log of the scheduled task.
    Console.Error.WriteLine($"bkp-probe: {e}");
    return ExitCodes.InternalError;
}
