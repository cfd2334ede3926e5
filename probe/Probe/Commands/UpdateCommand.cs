using System.CommandLine;
using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe update</c>: looks for an update now and installs it (<c>--check</c>: only says what it would do;
/// <c>--keys FILE</c>: accepts a signed rotation of the release keys). <c>run</c> does the same after every delivered
/// or spooled manifest, through <see cref="CheckAndApplyAsync"/>.
/// </summary>
public static class UpdateCommand
{
    public static Command Create(CommonOptions common)
    {
        var check = new Option<bool>("--check") { Description = "Só verifica e diz o que faria / only check and say what it would do" };
        var keys = new Option<string?>("--keys") { Description = "Aceita uma troca de chaves de versões assinada (arquivo) / accept a signed rotation of the release keys (file)" };
        var command = new Command("update", "Procura e instala uma atualização agora / look for an update and install it now") { check, keys };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(common.Read(parse), parse.GetValue(check), parse.GetValue(keys), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ConfigOverrides overrides, bool checkOnly, string? keysFile, CancellationToken cancellationToken)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit, requireCollector: keysFile is null, setsRequired: false);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        if (keysFile is not null)
        {
            return Rotate(config, keysFile, messages);
        }

        ECDsa key;
        try
        {
            key = new ProbeKeyStore(messages).Load(config.KeyFile);
        }
        catch (ProbeKeyException e)
        {
            Console.Error.WriteLine($"bkp-probe: {e.Message}");
            return ExitCodes.BadConfiguration;
        }

        using (key)
        using (var http = CollectorHttp.CreateClient())
        {
            var signer = new ProbeSigner(key, config.BranchId, ClockOffset.Load(config.StateDirectory), TimeProvider.System);
            return await CheckAndApplyAsync(config, http, signer, messages, apply: !checkOnly, fromRun: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Looks for an update and, when <paramref name="apply"/>, installs it. From <c>run</c> (<paramref name="fromRun"/>)
    /// the usual answers (updates off, nothing new) are said only to a person watching and the exit code is ignored.
    /// </summary>
    public static async Task<int> CheckAndApplyAsync(ProbeConfig config, HttpClient http, ProbeSigner signer, Messages messages, bool apply, bool fromRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(messages);
        var watched = !fromRun || !Console.IsErrorRedirected;
        if (!config.Updates)
        {
            Say(messages.UpdatesDisabled, watched);
            return ExitCodes.Ok;
        }

        var program = ProgramFolder.OfRunningProcess(out var isCurrent);
        if (apply && (program is null || !isCurrent))
        {
            Say(messages.UpdatesNeedInstalledProbe, !fromRun);
            return fromRun ? ExitCodes.Ok : ExitCodes.UpdateFailed;
        }

        ReleaseKeyRing keys;
        try
        {
            keys = ReleaseTrust.Load(config, out _);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Say(messages.UpdateKeysUnreadable(e.Message), always: true);
            return ExitCodes.UpdateFailed;
        }

        using (keys)
        {
            if (keys.IsEmpty)
            {
                Say(messages.UpdatesOffNoKeys, watched);
                return ExitCodes.Ok;
            }

            if (program is not null && Resume(config, messages) is { Phase: UpdatePhase.Swapping or UpdatePhase.Trial or UpdatePhase.RollingBack } pending)
            {
                Say(messages.UpdateOnTrial(pending.Version), watched);
                return ExitCodes.Ok;
            }

            if (config.SourcePath is null)
            {
                Say(messages.UpdateFailed("no probe.json for the new version's self-test (--config)"), always: true);
                return ExitCodes.UpdateFailed;
            }

            var settings = new UpdateSettings
            {
                Collector = ConfigLoader.RequireCollectorUrl(config),
                Channel = config.UpdateChannel,
                Runtime = UpdateRuntime.Current,
                Program = program ?? new ProgramFolder(AppContext.BaseDirectory),
                StateDirectory = config.StateDirectory,
                ConfigPath = config.SourcePath,
                RunningVersion = CommandSupport.Version,
                Keys = keys,
                SkipNextRecover = fromRun,
            };
            var attempt = await new Updater(http, signer, settings, TimeProvider.System).RunAsync(apply, cancellationToken).ConfigureAwait(false);
            return Tell(attempt, messages, watched);
        }
    }

    /// <summary>
    /// Completes or undoes what a killed update or rollback left half-done (see <see cref="ProgramSwap.Recover"/>),
    /// and says so when it did something; the journal as it then stands. Nothing when the probe is not installed.
    /// </summary>
    public static UpdateJournal? Resume(ProbeConfig config, Messages messages)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(messages);
        if (ProgramFolder.OfRunningProcess(out _) is not { } program)
        {
            return null;
        }

        var before = UpdateStore.ReadJournal(config.StateDirectory);
        try
        {
            var after = new ProgramSwap(program, config.StateDirectory, TimeProvider.System).Recover();
            if (before?.Phase is UpdatePhase.Swapping or UpdatePhase.RollingBack)
            {
                Say(messages.UpdateResumed(after), always: true);
            }

            return after;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Say(messages.UpdateFailed(e.Message), always: true);
            return before;
        }
    }

    private static int Tell(UpdateAttempt attempt, Messages messages, bool watched)
    {
        var version = attempt.Version ?? "";
        switch (attempt.Status)
        {
            case UpdateStatus.NothingOffered:
                Say(messages.NoUpdate, watched);
                return ExitCodes.Ok;
            case UpdateStatus.AlreadyCurrent:
                Say(messages.UpdateAlreadyCurrent(version), watched);
                return ExitCodes.Ok;
            case UpdateStatus.KnownBad:
                Say(messages.UpdateKnownBad(version), watched);
                return ExitCodes.Ok;
            case UpdateStatus.Available:
                Say(messages.UpdateAvailable(version), always: true);
                return ExitCodes.Ok;
            case UpdateStatus.Installed:
                Say(messages.UpdateInstalled(version, CommandSupport.Version), always: true);
                return ExitCodes.Ok;
            case UpdateStatus.Unreachable:
                Say(messages.UpdateUnreachable(attempt.Detail ?? ""), always: true);
                return ExitCodes.UpdateFailed;
            case UpdateStatus.Refused:
                Say(messages.UpdateRefused(version, attempt.Detail ?? ""), always: true);
                return ExitCodes.UpdateFailed;
            case UpdateStatus.SelfTestFailed:
                Say(messages.UpdateSelfTestFailed(version, attempt.Detail ?? ""), always: true);
                return ExitCodes.UpdateFailed;
            default:
                Say(messages.UpdateFailed(attempt.Detail ?? ""), always: true);
                return ExitCodes.UpdateFailed;
        }
    }

    private static int Rotate(ProbeConfig config, string path, Messages messages)
    {
        byte[] envelope;
        try
        {
            using var file = File.OpenRead(path);
            envelope = new byte[Math.Min(file.Length, SignedEnvelope.MaxLength + 1)];
            file.ReadExactly(envelope);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Say(messages.KeysFileUnreadable(path, e.Message), always: true);
            return ExitCodes.BadConfiguration;
        }

        try
        {
            using var current = ReleaseTrust.Load(config, out _);
            var check = ReleaseTrust.AcceptRotation(config.StateDirectory, current, envelope);
            if (check.Refusal is { } refusal)
            {
                Say(messages.KeysRefused(refusal.ToString()), always: true);
                return ExitCodes.UpdateFailed;
            }

            Console.Out.WriteLine(messages.KeysRotated(check.Document!.Version));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Say(messages.UpdateKeysUnreadable(e.Message), always: true);
            return ExitCodes.UpdateFailed;
        }
    }

    private static void Say(string line, bool always)
    {
        if (always)
        {
            Console.Error.WriteLine($"bkp-probe: {line}");
        }
    }
}
