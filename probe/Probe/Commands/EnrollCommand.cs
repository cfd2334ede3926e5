using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe enroll --collector URL --branch ID --token T</c>: enrolls this machine (<see cref="Enrollment"/>)
/// and, once the collector accepted the new key, writes probe.json's identity and connection. A refused or
/// unanswered enrollment changes nothing here.
/// </summary>
public static class EnrollCommand
{
    public static Command Create()
    {
        var collector = new Option<string?>("--collector") { Description = "Endereço do coletor / collector address" };
        var branch = new Option<string?>("--branch") { Description = "Identificador da filial / branch id" };
        var token = new Option<string?>("--token") { Description = "Token de inscrição de uso único / one-time enrollment token" };
        var config = new Option<string?>("--config", "-c") { Description = "probe.json a gravar / probe.json to write (padrão / default: %ProgramData%\\MonitoramentoBKP\\probe.json, /etc/bkp-probe/probe.json)" };
        var state = new Option<string?>("--state-dir") { Description = "Pasta de estado / state folder (padrão / default: <pasta de probe.json>/state)" };
        var keyFile = new Option<string?>("--key-file") { Description = "Chave privada / private key (padrão / default: <estado>/probe.key)" };
        var lang = new Option<string?>("--lang") { Description = "pt-BR (padrão) ou en" };
        var command = new Command("enroll", "Inscreve esta máquina como a sonda da filial / enroll this machine as the branch's probe") { collector, branch, token, config, state, keyFile, lang };
        command.SetAction((parse, cancellationToken) =>
        {
            EnrollmentSettings settings;
            try
            {
                settings = ConfigLoader.ReadEnrollment(parse.GetValue(collector), parse.GetValue(branch), parse.GetValue(token), parse.GetValue(config),
                    parse.GetValue(state), parse.GetValue(keyFile), parse.GetValue(lang), Directory.GetCurrentDirectory());
            }
            catch (ConfigException e)
            {
                Console.Error.WriteLine($"bkp-probe: {e.Message}");
                return Task.FromResult(ExitCodes.BadConfiguration);
            }

            return EnrollAsync(settings, cancellationToken);
        });
        return command;
    }

    private static async Task<int> EnrollAsync(EnrollmentSettings settings, CancellationToken cancellationToken)
    {
        var messages = new Messages(settings.Language);
        var result = await Enrollment.EnrollAsync(settings.Collector, settings.BranchId, settings.Token, settings.StateDirectory, settings.KeyFile, messages, cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            Console.Error.WriteLine($"bkp-probe: {result.Problem}");
            return result.ExitCode;
        }

        try
        {
            GiveKeyToStateOwner(settings);
            WriteConfig(settings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.CannotWriteConfig(settings.ConfigPath, e.Message)}");
            return ExitCodes.OutputFailed;
        }

        Console.Out.WriteLine(messages.Enrolled(settings.BranchId, result.KeyId!, settings.ConfigPath));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Linux, enrolled with sudo for an installed probe: the key (0600) goes to the owner of the state folder (the
    /// service's user), who could not open a root-owned key; the store refuses one that others can read.
    /// </summary>
    private static void GiveKeyToStateOwner(EnrollmentSettings settings)
    {
        if (OperatingSystem.IsLinux() && Install.LinuxNative.GetEffectiveUserId() == 0
            && Platform.LinuxStat.TryOwner(settings.StateDirectory, out var uid, out var gid) && uid != 0)
        {
            Install.LinuxNative.Chown(settings.KeyFile, uid, gid);
        }
    }

    /// <summary>probe.json with identity and connection; what the probe scans comes from the collector's policy, and other keys already there stay.</summary>
    private static void WriteConfig(EnrollmentSettings settings) => ProbeJsonFile.Write(settings.ConfigPath,
    [
        new("collectorUrl", settings.Collector.ToString()),
        new("branchId", settings.BranchId),
        new("keyFile", settings.KeyFile),
        new("stateDirectory", settings.StateDirectory),
        new("language", settings.LanguageGiven ? settings.Language == Language.English ? "en" : "pt-BR" : null),
    ]);
}
