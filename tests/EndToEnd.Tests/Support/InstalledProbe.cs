using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.EndToEnd.Tests.Support;

/// <summary>
/// One branch's probe as real processes: its own program folder (<c>bkp-probe</c>, later <c>bkp-probe.previous</c>
/// and <c>bkp-probe.failed</c>), probe.json, state folder and key, enrolled through the local host with
/// <c>bkp-probe enroll</c> and a token from the admin route, and run as the schedule runs it: <c>bkp-probe run
/// --config X</c>, then <c>bkp-probe.previous recover --config X</c> when that file exists. Linux only: the
/// program files are made executable by mode.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class InstalledProbe
{
    private static readonly string[] ProbeVariables = ["BKP_CONFIG", "BKP_BRANCH_ID", "BKP_STATE_DIR", "BKP_LANG", "BKP_COLLECTOR_URL", "BKP_KEY_FILE", "BKP_UPDATE_FAULT"];

    private InstalledProbe(string branchId, string root)
    {
        BranchId = branchId;
        Root = root;
    }

    public string BranchId { get; }

    /// <summary>Everything of this probe is under here: program/, etc/probe.json, state/, backup/.</summary>
    public string Root { get; }

    public string Program => Path.Combine(Root, "program");

    public string Current => Path.Combine(Program, "bkp-probe");

    public string Previous => Path.Combine(Program, "bkp-probe.previous");

    public string Failed => Path.Combine(Program, "bkp-probe.failed");

    public string Config => Path.Combine(Root, "etc", "probe.json");

    public string State => Path.Combine(Root, "state");

    /// <summary>The folder the registry gives this branch's set as its root.</summary>
    public string Backup => Path.Combine(Root, "backup");

    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Took);

    /// <summary>One scheduled run: the current version's <c>run</c>, then the previous version's <c>recover</c> when there is one.</summary>
    public sealed record ScheduledRun(Result Run, Result? Recover)
    {
        public TimeSpan Took => Run.Took + (Recover?.Took ?? TimeSpan.Zero);
    }

    /// <summary>One line of the probe's runs.jsonl.</summary>
    public sealed record RunLine(Guid RunId, string Outcome, string? ProbeVersion);

    /// <summary>
    /// Copies <paramref name="exe"/> into a new program folder under <paramref name="root"/>, puts a backup in its
    /// set's folder, and enrolls it with <paramref name="host"/> (a fresh one-time token from the admin route, then
    /// the real <c>bkp-probe enroll</c>, which writes probe.json, the state folder and the key).
    /// </summary>
    public static async Task<InstalledProbe> InstallAsync(string root, string branchId, string exe, LocalHostProcess host)
    {
        var probe = new InstalledProbe(branchId, root);
        Directory.CreateDirectory(probe.Program);
        File.Copy(exe, probe.Current);
        File.SetUnixFileMode(probe.Current, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(probe.Backup);
        await File.WriteAllBytesAsync(Path.Combine(probe.Backup, "Vendas_full.bak"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);

        using var answer = await host.Client.PostAsync($"api/branches/{branchId}/enrollment", null);
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var enrolled = await probe.ExecAsync(probe.Current,
            ["enroll", "--collector", host.Address.ToString(), "--branch", branchId, "--token", token, "--config", probe.Config, "--state-dir", probe.State, "--lang", "en"]);
        if (enrolled.ExitCode != 0)
        {
            throw new InvalidOperationException($"bkp-probe enroll for {branchId} exited {enrolled.ExitCode}: {enrolled.Stderr}");
        }

        return probe;
    }

    /// <summary>Adds <c>releaseKeys</c> to probe.json, as a company that injects its release key at install does.</summary>
    public void TrustReleaseKey(string publicKey)
    {
        var config = JsonNode.Parse(File.ReadAllText(Config))!.AsObject();
        config["releaseKeys"] = new JsonArray(publicKey);
        File.WriteAllText(Config, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public async Task<ScheduledRun> ScheduledAsync()
    {
        var run = await ExecAsync(Current, ["run", "--config", Config]);
        var recover = File.Exists(Previous) ? await ExecAsync(Previous, ["recover", "--config", Config]) : null;
        return new ScheduledRun(run, recover);
    }

    /// <summary>runs.jsonl, oldest first.</summary>
    public IReadOnlyList<RunLine> Runs() =>
        [.. File.ReadAllLines(Path.Combine(State, "runs.jsonl")).Where(l => l.Length > 0).Select(l =>
        {
            using var line = JsonDocument.Parse(l);
            var root = line.RootElement;
            return new RunLine(
                root.GetProperty("runId").GetGuid(),
                root.GetProperty("outcome").GetString()!,
                root.TryGetProperty("probeVersion", out var version) ? version.GetString() : null);
        })];

    public async Task<Result> ExecAsync(string exe, string[] arguments)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ProbeVariables)
        {
            start.Environment.Remove(name);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {string.Join(' ', arguments)} ({BranchId}) did not finish within 2 min");
        }

        return new Result(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
