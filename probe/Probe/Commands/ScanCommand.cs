using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Output;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary><c>bkp-probe scan</c>: local only; inventories and hashes the sets and prints or writes the manifest.</summary>
public static class ScanCommand
{
    public static Command Create(CommonOptions common, ScanChoiceOptions choices)
    {
        var command = new Command("scan", "Inventaria e calcula o hash dos backups, sem rede / inventory and hash the backups, no network");
        choices.AddTo(command);
        common.AddTo(command);
        command.SetAction(parse => Run(common.Read(parse), choices.Read(parse)));
        return command;
    }

    private static int Run(ConfigOverrides overrides, ScanChoices choices)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        if (CommandSupport.Scan(config, choices, messages) is not { } result)
        {
            return ExitCodes.AlreadyRunning;
        }

        var written = CommandSupport.WriteManifest(result, choices, messages);
        if (written != ExitCodes.Ok)
        {
            return written;
        }

        if (!choices.Json && !Console.IsOutputRedirected)
        {
            SummaryPrinter.Print(result.Manifest, result.Statistics, messages, Console.Out);
        }

        return SummaryPrinter.HasProblems(result.Manifest) ? ExitCodes.ProblemsFound : ExitCodes.Ok;
    }
}
