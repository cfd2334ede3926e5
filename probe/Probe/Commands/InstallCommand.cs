using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Install;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe install --collector URL --branch ID [--token T] [--account SYSTEM|NAME] [--at HH:MM ...] [--reenroll]
/// [--dry-run --os windows|linux]</c>: the one command that makes a branch machine a working probe (<see cref="Installer"/>),
/// or, with --dry-run, shows everything it would create (<see cref="InstallPreview"/>).
/// </summary>
public static class InstallCommand
{
    public static Command Create()
    {
        var collector = new Option<string?>("--collector") { Description = "Endereço do coletor / collector address" };
        var branch = new Option<string?>("--branch") { Description = "Identificador da filial / branch id" };
        var token = new Option<string?>("--token") { Description = "Token de inscrição de uso único; sem ele, inscreva depois / one-time enrollment token; without it, enroll later" };
        var account = new Option<string?>("--account") { Description = "Conta da tarefa: SYSTEM (padrão no Windows) ou NOME (padrão no Linux: bkp-probe) / the task's account" };
        var logon = new Option<string?>("--logon") { Description = "Windows, conta nomeada: s4u (padrão, sem senha) ou password (o schtasks pede a senha; para backups em compartilhamento de rede)" };
        var at = new Option<string[]>("--at") { Description = "Horário diário HH:MM, pode repetir; padrão 23:30, mais uma execução por hora / daily time, repeatable", AllowMultipleArgumentsPerToken = false };
        var heartbeat = new Option<string?>("--heartbeat") { Description = "Horas entre execuções de batimento, 0 a 12; padrão 1, 0 desliga / hours between heartbeat runs, 0-12; default 1, 0 turns it off" };
        var reenroll = new Option<bool>("--reenroll") { Description = "Troca a identidade (chave) de uma instalação anterior; precisa de --token / replace an earlier install's key" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Só mostra o que seria criado / only show what would be created" };
        var os = new Option<string?>("--os") { Description = "Com --dry-run: windows ou linux / with --dry-run: windows or linux" };
        var root = new Option<string?>("--root") { Description = "Testes: prefixa todos os caminhos / tests: prefix every path", Hidden = true };
        var lang = new Option<string?>("--lang") { Description = "pt-BR (padrão) ou en" };
        var command = new Command("install", "Instala a sonda nesta máquina: programa, configuração, agendamento, inscrição e uma primeira execução / install the probe on this machine")
        {
            collector, branch, token, account, logon, at, heartbeat, reenroll, dryRun, os, root, lang,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            InstallRequest request;
            try
            {
                request = InstallArguments.Read(parse.GetValue(collector), parse.GetValue(branch), parse.GetValue(token), parse.GetValue(account), parse.GetValue(logon),
                    parse.GetValue(at) ?? [], parse.GetValue(heartbeat), parse.GetValue(reenroll), parse.GetValue(dryRun), parse.GetValue(os), parse.GetValue(root), parse.GetValue(lang), Directory.GetCurrentDirectory());
            }
            catch (ConfigException e)
            {
                Console.Error.WriteLine($"bkp-probe: {e.Message}");
                return Task.FromResult(ExitCodes.BadConfiguration);
            }

            var layout = InstallLayout.For(request.Os, request.Root);
            if (layout.UnsafePath() is { } unsafePath)
            {
                Console.Error.WriteLine($"bkp-probe: --root: {new InstallMessages(request.Language).UnsafePath(unsafePath)}");
                return Task.FromResult(ExitCodes.BadConfiguration);
            }

            if (request.DryRun)
            {
                InstallPreview.Write(request, layout, Console.Out);
                return Task.FromResult(ExitCodes.Ok);
            }

            return new Installer(InstallPlatform.ForThisSystem(request.Root, new InstallMessages(request.Language)), layout, request, Console.Out, Console.Error)
                .InstallAsync(cancellationToken);
        });
        return command;
    }
}
