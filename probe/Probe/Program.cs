using System.CommandLine;
using MonitoramentoBKP.Probe;
using MonitoramentoBKP.Probe.Commands;

var root = new RootCommand("bkp-probe: sonda de backups do MonitoramentoBKP / MonitoramentoBKP backup probe. " + ExitCodes.HelpText);
root.Subcommands.Add(ScanCommand.Create(new CommonOptions()));

try
{
    return root.Parse(args).Invoke();
}
catch (Exception e)
{
    // Anything not foreseen: the whole story for whoever reads the log of the scheduled task.
    Console.Error.WriteLine($"bkp-probe: {e}");
    return ExitCodes.InternalError;
}
