using System.CommandLine;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe run</c>, what the scheduled task calls: scan, then deliver the manifest to the collector. Exit 0
/// means delivered; what the backups look like is the collector's verdict, not this exit code.
/// </summary>
public static class RunCommand
{
    public static Command Create(CommonOptions common, ScanChoiceOptions choices)
    {
        var command = new Command("run", "Verifica os backups e entrega o manifesto ao coletor (tarefa agendada) / scan, then deliver the manifest to the collector (scheduled task)");
        choices.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(common.Read(parse), choices.Read(parse), cancellationToken));
        return command;
    }

    public static int ExitCodeFor(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => ExitCodes.Ok,
        DeliveryOutcome.Refused => ExitCodes.Refused,
        _ => ExitCodes.NotDelivered,
    };

    private static async Task<int> RunAsync(ConfigOverrides overrides, ScanChoices choices, CancellationToken cancellationToken)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit, requireCollector: true);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        if (CommandSupport.Scan(config, choices, messages) is not { } scan)
        {
            return ExitCodes.AlreadyRunning;
        }

        // The local copy is a convenience: its failure is reported, but the delivery still happens.
        var written = CommandSupport.WriteManifest(scan, choices, messages);
        if (await DeliverAsync(config, scan.Manifest, messages, cancellationToken).ConfigureAwait(false) is not { } delivery)
        {
            return ExitCodes.NotDelivered;
        }

        switch (delivery.Outcome)
        {
            case DeliveryOutcome.Delivered when !choices.Json && !Console.IsOutputRedirected:
                Console.Out.WriteLine(messages.Delivered(scan.Manifest.RunId, alreadyAccepted: delivery.StatusCode == 200));
                break;
            case DeliveryOutcome.NotDelivered:
                Console.Error.WriteLine($"bkp-probe: {messages.NotDelivered(delivery)}");
                break;
            case DeliveryOutcome.Refused:
                Console.Error.WriteLine($"bkp-probe: {messages.Refused(delivery)}");
                break;
        }

        var code = ExitCodeFor(delivery.Outcome);
        return code == ExitCodes.Ok ? written : code;
    }

    /// <summary>Null (reported) when the manifest could not even be compressed into the state folder.</summary>
    private static async Task<DeliveryResult?> DeliverAsync(ProbeConfig config, Manifest manifest, Messages messages, CancellationToken cancellationToken)
    {
        ManifestPackage package;
        try
        {
            package = ManifestPackage.Create(manifest, config.StateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.CannotPackage(e.Message)}");
            return null;
        }

        using (package)
        using (var http = CollectorHttp.CreateClient())
        {
            var options = new DeliveryOptions { Collector = ConfigLoader.RequireCollectorUrl(config), Key = config.CollectorKey, ProbeVersion = CommandSupport.Version };
            var interactive = !Console.IsErrorRedirected;
            if (interactive)
            {
                Console.Error.Write(messages.Sending);
            }

            try
            {
                return await new ManifestSender(http, options, TimeProvider.System).SendAsync(package, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (interactive)
                {
                    Console.Error.Write("\r" + new string(' ', messages.Sending.Length) + "\r");
                }
            }
        }
    }
}
