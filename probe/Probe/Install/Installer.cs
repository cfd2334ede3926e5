using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Commands;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Output;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// <c>bkp-probe install</c>: copies the program in, writes probe.json, makes the state folder private to the task's
/// account, registers the schedule, enrolls (with a token, and unless an earlier install's identity is kept), then
/// runs once as the task would and shows what it found. Each change is journaled; a failure undoes them in reverse,
/// so the machine is left as it was, earlier install included. An accepted enrollment is the last step that can
/// fail the install, so the collector never holds a key that a rolled-back install threw away.
/// </summary>
public sealed class Installer(IInstallPlatform platform, InstallLayout layout, InstallRequest request, TextWriter output, TextWriter error)
{
    private readonly InstallMessages _im = new(request.Language);
    private readonly Messages _m = new(request.Language);

    /// <summary>probe.json's keys as install writes them; other keys of an earlier file stay.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ConfigValues(InstallRequest request, InstallLayout layout) =>
    [
        new("collectorUrl", request.Collector.ToString()),
        new("branchId", request.BranchId),
        new("stateDirectory", layout.StateFolder),
        new("language", request.LanguageGiven ? request.Language == Language.English ? "en" : "pt-BR" : null),
    ];

    public async Task<int> InstallAsync(CancellationToken cancellationToken)
    {
        if (!platform.IsAdministrator)
        {
            error.WriteLine($"bkp-probe: {_im.NotAdministrator(request.Os)}");
            return ExitCodes.NotAdministrator;
        }

        var earlier = EnrolledBranch();
        if (earlier is not null && earlier != request.BranchId && !request.Reenroll)
        {
            error.WriteLine($"bkp-probe: {_im.BranchMismatch(earlier, request.BranchId)}");
            return ExitCodes.InstallFailed;
        }

        var enroll = request.Token is not null && (earlier is null || request.Reenroll);
        var upgrade = File.Exists(layout.Executable);
        var journal = new UndoJournal();
        var step = _im.StepAccount;
        bool copied;
        string scheduled;
        string? keyId = null;
        try
        {
            platform.PrepareAccount(request.Account, journal);

            step = _im.StepProgram;
            copied = ProgramCopy.CopyInto(layout, journal);

            step = _im.StepConfig;
            journal.CreateFolder(layout.ConfigFolder);
            journal.Add(layout.ConfigPath, UndoJournal.RestoreFile(layout.ConfigPath));
            ProbeJsonFile.Write(layout.ConfigPath, ConfigValues(request, layout));

            step = _im.StepState;
            journal.CreateFolder(layout.StateFolder);
            platform.Secure(layout, request.Account);

            step = _im.StepSchedule;
            scheduled = platform.RegisterSchedule(layout, request.Schedule, request.Account, journal);

            if (enroll)
            {
                step = _im.StepEnroll;
                var result = await platform.EnrollAsync(layout, request, _m, cancellationToken).ConfigureAwait(false);
                if (!result.Accepted)
                {
                    throw new InstallStepException(_im.EnrollFailed(result.Problem ?? $"exit {result.ExitCode}"));
                }

                keyId = result.KeyId;
                step = _im.StepOwner;
                platform.Secure(layout, request.Account);
            }
        }
        catch (Exception e) when (e is InstallStepException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"bkp-probe: {_im.StepFailed(step, e.Message)}");
            foreach (var (what, problem) in journal.Rollback())
            {
                error.WriteLine($"bkp-probe: {_im.UndoFailed(what, problem)}");
            }

            error.WriteLine($"bkp-probe: {_im.Undone}");
            return ExitCodes.InstallFailed;
        }

        ProgramCopy.DropAside(layout);
        output.WriteLine(upgrade || !copied ? _im.Upgraded(layout.ProgramFolder, CommandSupport.Version) : _im.Installed(layout.ProgramFolder, CommandSupport.Version));
        output.WriteLine(_im.Scheduled(scheduled));
        if (keyId is not null)
        {
            output.WriteLine(_im.Enrolled(request.BranchId, keyId));
        }
        else if (earlier is not null)
        {
            output.WriteLine(_im.IdentityKept(earlier, KeyIdOf() ?? "?", tokenUnused: request.Token is not null));
        }

        if (!File.Exists(layout.KeyFile))
        {
            output.WriteLine(_im.EnrollLater(EnrollCommandLine()));
            return ExitCodes.Ok;
        }

        FirstRun();
        return ExitCodes.Ok;
    }

    /// <summary>What a technician runs once the token is at hand: install again, which enrolls as the task's account and keeps the rest.</summary>
    public string EnrollCommandLine() => request.Os == TargetOs.Windows
        ? $"\"{layout.Executable}\" install --collector {request.Collector} --branch {request.BranchId} --token TOKEN"
            + (request.Account.IsSystem ? "" : $" --account \"{request.Account.Name}\"")
        : $"sudo {layout.Executable} enroll --collector {request.Collector} --branch {request.BranchId} --token TOKEN --config {layout.ConfigPath}";

    /// <summary>The first run, as the task's account, its manifest read back to show each set and its newest backup.</summary>
    private void FirstRun()
    {
        output.WriteLine(_im.FirstRun);
        ExternalCommand.Result run;
        try
        {
            run = platform.RunAsAccount(layout, request.Account, ["run", "--config", layout.ConfigPath, "--json"], request.Schedule.TimeLimit);
        }
        catch (InstallStepException e)
        {
            output.WriteLine(_im.FirstRunNotStarted(e.Message));
            return;
        }

        if (Parse(run.Stdout) is { } manifest)
        {
            SummaryPrinter.PrintSets(manifest, _m, output);
        }

        foreach (var line in run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine(_im.FirstRunExit(run.ExitCode, _im.RunOutcome(run.ExitCode)));

        // Files the run made in the state folder stay the account's (the run was the account's own on both systems).
        try
        {
            platform.Secure(layout, request.Account);
        }
        catch (Exception e) when (e is InstallStepException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bkp-probe: {_im.StepFailed(_im.StepState, e.Message)}");
        }
    }

    private static Manifest? Parse(string json)
    {
        try
        {
            return json.Trim().Length == 0 ? null : JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The branch of an earlier install that holds a key, or null.</summary>
    private string? EnrolledBranch()
    {
        if (!File.Exists(layout.ConfigPath) || !File.Exists(layout.KeyFile))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(layout.ConfigPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("branchId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The kept key's id, when this process can open it (not on Windows, where it is sealed for the task's account).</summary>
    private string? KeyIdOf()
    {
        try
        {
            using var key = new Identity.ProbeKeyStore(_m).Load(layout.KeyFile);
            return Contracts.Signing.KeyId.Of(key);
        }
        catch (Identity.ProbeKeyException)
        {
            return null;
        }
    }
}
