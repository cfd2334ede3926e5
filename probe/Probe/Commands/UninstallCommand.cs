using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Install;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary><c>bkp-probe uninstall</c>: tells the collector, then removes everything install made (<see cref="Uninstaller"/>).</summary>
public static class UninstallCommand
{
    public static Command Create()
    {
        var lang = new Option<string?>("--lang") { Description = "pt-BR (padrão) ou en" };
        var root = new Option<string?>("--root") { Description = "Testes: prefixa todos os caminhos / tests: prefix every path", Hidden = true };
        // Run by uninstall itself as the task's account on Windows, where only that account can open the key.
        var notifyOnly = new Option<bool>("--notify-only") { Hidden = true };
        var config = new Option<string?>("--config", "-c") { Hidden = true };
        var command = new Command("uninstall", "Avisa o coletor e remove a sonda desta máquina: tarefa, programa, configuração, estado e chave / tell the collector, then remove the probe")
        {
            lang, root, notifyOnly, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var language = parse.GetValue(lang)?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Language.English : Language.PortugueseBrazil;
            var layout = InstallLayout.ForThisSystem(parse.GetValue(root) is { } r ? Path.GetFullPath(r) : null);
            if (parse.GetValue(notifyOnly))
            {
                var problem = await UninstallNotice.SendAsync(parse.GetValue(config) ?? layout.ConfigPath, cancellationToken).ConfigureAwait(false);
                if (problem is not null)
                {
                    Console.Error.WriteLine($"bkp-probe: {problem}");
                }

                return problem is null ? ExitCodes.Ok : ExitCodes.NotDelivered;
            }

            var messages = new InstallMessages(language);
            return await new Uninstaller(InstallPlatform.ForThisSystem(layout.Root, messages), layout, messages, Console.Out, Console.Error)
                .UninstallAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
