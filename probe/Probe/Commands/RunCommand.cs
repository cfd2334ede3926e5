using System.CommandLine;
using System.Security.Cryptography;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe run</c>, what the scheduled task calls: scan, keep the manifest in the spool, then deliver the spool
/// to the collector, the manifests of earlier undelivered runs first. Exit 0 means everything was delivered; what
/// the backups look like is the collector's verdict, not this exit code.
/// </summary>
public static class RunCommand
{
    public static Command Create(CommonOptions common, ScanChoiceOptions choices)
    {
        var command = new Command("run", "Verifica os backups e entrega o manifesto ao coletor (tarefa agendada) / scan, then deliver the manifest to the collector (scheduled task)");
        choices.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(common.Read(parse), choices.Read(parse), checkForUpdate: true, cancellationToken));
        return command;
    }

    /// <summary>
    /// 6 when the new manifest was refused (sending it again will not help); 5 when anything is left unsent, the new
    /// manifest included when it could not even be spooled; 0 otherwise. A refused earlier manifest is set aside and
    /// reported, and does not keep the run from succeeding.
    /// </summary>
    public static int ExitCodeFor(SpoolRun run, SpoolEntry? fresh) =>
        fresh is not null && run.LeftUnsent == 0 && run.Sent.FirstOrDefault(s => s.Entry == fresh) is { } sent
            ? ExitCodeFor(sent.Result.Outcome)
            : ExitCodes.NotDelivered;

    /// <summary>What one manifest's delivery means as an exit code.</summary>
    public static int ExitCodeFor(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => ExitCodes.Ok,
        DeliveryOutcome.Refused => ExitCodes.Refused,
        _ => ExitCodes.NotDelivered,
    };

    /// <param name="checkForUpdate">
    /// False when <c>recover</c> runs the scan as the known good previous version: that run must not install anything.
    /// </param>
    public static async Task<int> RunAsync(ConfigOverrides overrides, ScanChoices choices, bool checkForUpdate, CancellationToken cancellationToken)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit, requireCollector: true);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        if (Platform.ProcessPriority.LowerForBackground() is { } notLowered)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.PriorityNotLowered(notLowered)}");
        }

        UpdateCommand.Resume(config, messages);
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
            Directory.CreateDirectory(config.StateDirectory);
            var signer = new ProbeSigner(key, config.BranchId, ClockOffset.Load(config.StateDirectory), TimeProvider.System);
            if (await ChooseSetsAsync(config, http, signer, messages, cancellationToken).ConfigureAwait(false) is not { } chosen)
            {
                return ExitCodes.NotDelivered;
            }

            return await RunAsync(chosen, choices, http, signer, messages, checkForUpdate, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The sets to scan: <c>--set</c> when given; else the collector's policy (fetched, or the kept copy when it
    /// cannot be asked), which wins over sets still listed in probe.json; else probe.json's own. Null (reported)
    /// when there are none anywhere.
    /// </summary>
    private static async Task<ProbeConfig?> ChooseSetsAsync(ProbeConfig config, HttpClient http, ProbeSigner signer, Messages messages, CancellationToken cancellationToken)
    {
        if (config.SetsSource == "--set")
        {
            return config;
        }

        var collector = ConfigLoader.RequireCollectorUrl(config);
        var fetched = await new PolicyClient(http, collector, signer, config.StateDirectory).FetchAsync(PolicyTimeout, cancellationToken).ConfigureAwait(false);
        if (fetched.Policy is { } policy)
        {
            IReadOnlyList<BackupSetConfig> sets;
            try
            {
                sets = ConfigLoader.SetsFrom(policy, messages);
            }
            catch (ConfigException e)
            {
                Console.Error.WriteLine($"bkp-probe: {messages.BadPolicy(e.Message)}");
                return config.Sets.Count > 0 ? config : null;
            }

            // The usual case is said only to a person watching; the kept copy standing in for the collector, always.
            if (fetched.Source == PolicySource.Cache)
            {
                Console.Error.WriteLine($"bkp-probe: {messages.PolicyFromCache(policy.Version, fetched.Problem ?? "")}");
            }
            else if (!Console.IsErrorRedirected)
            {
                Console.Error.WriteLine($"bkp-probe: {messages.PolicyFromCollector(policy.Version, sets.Count)}");
            }

            if (config.SetsSource is { } local)
            {
                Console.Error.WriteLine($"bkp-probe: {messages.LocalSetsIgnored(local)}");
            }

            return config with { Sets = sets, ReverifyBudgetBytes = config.ReverifyBudgetBytes ?? policy.ReverifyBudgetBytes };
        }

        if (config.SetsSource is { } source)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.LocalSetsUsed(source)}");
            return config;
        }

        Console.Error.WriteLine($"bkp-probe: {messages.PolicyUnavailable(fetched.Problem ?? "", collector.ToString())}");
        return null;
    }

    /// <summary>The policy is a few KB: a collector that cannot answer it in this time is treated as away.</summary>
    private static readonly TimeSpan PolicyTimeout = TimeSpan.FromSeconds(30);

    private static async Task<int> RunAsync(ProbeConfig config, ScanChoices choices, HttpClient http, ProbeSigner signer, Messages messages, bool checkForUpdate, CancellationToken cancellationToken)
    {
        var spool = new Spool(config.StateDirectory, config.Spool, SpoolDisk.Instance);

        // Held from before the scan to the end of the delivery, so two runs never deliver (or drop) the same entries.
        using var spoolLock = StateLock.TryAcquire(spool.Folder);
        if (spoolLock is null)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.AlreadyRunning(config.StateDirectory)}");
            return ExitCodes.AlreadyRunning;
        }

        if (CommandSupport.Scan(config, choices, messages) is not { } scan)
        {
            return ExitCodes.AlreadyRunning;
        }

        // The local copy is a convenience: its failure is reported, but the delivery still happens.
        var written = CommandSupport.WriteManifest(scan, choices, messages);
        IReadOnlyList<SpoolEntry> backlog;
        SpoolEntry? fresh;
        try
        {
            spool.Tidy();
            fresh = Add(spool, scan.Manifest, config.Spool, messages);
            backlog = [.. spool.Waiting().Where(e => e != fresh)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.SpoolUnusable(spool.Folder, e.Message)}");
            return ExitCodes.NotDelivered;
        }

        var run = await DeliverAsync(config, http, signer, spool, fresh is null ? backlog : [.. backlog, fresh], messages, cancellationToken).ConfigureAwait(false);
        Report(run, fresh, choices, messages);
        var code = ExitCodeFor(run, fresh);
        Record(config, scan.Manifest, run, fresh, code);

        // Only once this run's manifest is delivered or at least spooled: an update never costs a manifest, and never changes the run's exit code.
        if (checkForUpdate && fresh is not null)
        {
            await UpdateCommand.CheckAndApplyAsync(config, http, signer, messages, apply: true, fromRun: true, cancellationToken).ConfigureAwait(false);
        }

        return code == ExitCodes.Ok ? written : code;
    }

    /// <summary>Kept for <c>bkp-probe status</c>.</summary>
    private static void Record(ProbeConfig config, Contracts.Manifest manifest, SpoolRun run, SpoolEntry? fresh, int code)
    {
        var last = run.Sent.FirstOrDefault(s => s.Entry == fresh)?.Result ?? run.Sent.LastOrDefault()?.Result;
        RunLog.Append(config.StateDirectory, new RunRecord
        {
            FinishedUtc = manifest.FinishedUtc,
            RunId = manifest.RunId,
            ProbeVersion = CommandSupport.Version,
            ExitCode = code,
            Outcome = fresh is null ? "not-spooled" : code switch { ExitCodes.Ok => "delivered", ExitCodes.Refused => "refused", _ => "not-delivered" },
            Delivered = run.Sent.Count(s => s.Result.Outcome == DeliveryOutcome.Delivered),
            LeftUnsent = run.LeftUnsent,
            Detail = code == ExitCodes.Ok ? null : last is null ? null : last.Detail ?? last.Error ?? last.Title ?? (last.StatusCode is { } status ? $"HTTP {status}" : last.TimedOut ? "timeout" : null),
        });
    }

    /// <summary>The new manifest's spool entry; null (reported) when it could not be written.</summary>
    private static SpoolEntry? Add(Spool spool, Contracts.Manifest manifest, SpoolLimits limits, Messages messages)
    {
        try
        {
            var added = spool.Add(manifest);
            if (added.DroppedNow is { } dropped)
            {
                Console.Error.WriteLine($"bkp-probe: {messages.SpoolDropped(dropped, limits)}");
            }

            return added.Entry;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.CannotSpool(spool.Folder, e.Message, e is IOException io && SpoolDisk.IsDiskFull(io))}");
            return null;
        }
    }

    private static async Task<SpoolRun> DeliverAsync(ProbeConfig config, HttpClient http, ProbeSigner signer, Spool spool, IReadOnlyList<SpoolEntry> entries, Messages messages, CancellationToken cancellationToken)
    {
        var options = new DeliveryOptions { Collector = ConfigLoader.RequireCollectorUrl(config), Signer = signer, ProbeVersion = CommandSupport.Version };
        var interactive = !Console.IsErrorRedirected;
        try
        {
            return await new SpoolSender(http, options, TimeProvider.System).SendAsync(spool, entries, _ =>
            {
                if (interactive)
                {
                    Console.Error.Write("\r" + messages.Sending);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (interactive)
            {
                Console.Error.Write("\r" + new string(' ', messages.Sending.Length) + "\r");
            }
        }
    }

    private static void Report(SpoolRun run, SpoolEntry? fresh, ScanChoices choices, Messages messages)
    {
        var quiet = choices.Json || Console.IsOutputRedirected;
        foreach (var (entry, result, keptIn) in run.Sent)
        {
            var isNew = entry == fresh;
            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered when !quiet:
                    Console.Out.WriteLine(isNew ? messages.Delivered(entry.RunId, alreadyAccepted: result.StatusCode == 200) : messages.DeliveredFromSpool(entry.RunId, entry.FinishedUtc));
                    break;
                case DeliveryOutcome.Refused:
                    Console.Error.WriteLine($"bkp-probe: {(isNew ? messages.Refused(result) : messages.RefusedFromSpool(entry.RunId, entry.FinishedUtc, result, keptIn))}");
                    break;
                case DeliveryOutcome.NotDelivered:
                    Console.Error.WriteLine($"bkp-probe: {messages.NotDelivered(result)}; {messages.LeftInSpool(run.LeftUnsent)}");
                    break;
            }
        }
    }
}
