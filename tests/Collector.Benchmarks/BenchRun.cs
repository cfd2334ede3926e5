using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MonitoramentoBKP.BenchmarkShared;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>One run: describe the machine, judge in-process, ingest on the local host, write the reports.</summary>
public static class BenchRun
{
    public const string ReportName = "collector-bench";

    /// <summary>Exit code when the figures were taken but manifests were lost or counted twice.</summary>
    public const int VerificationFailed = 3;

    /// <summary>Exit code when a bomb or an honest manifest got a wrong answer: a 500, none at all, a 503 without Retry-After.</summary>
    public const int WrongAnswers = 4;

    public static async Task<int> ExecuteAsync(BenchOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var mode = options.Quick ? "quick" : "full";
        var machine = MachineInfo.Collect();
        var hostGc = LocalHostGc();
        output.WriteLine($"collector benchmark: {mode} run");
        foreach (var line in ConsoleReport.Header(machine, hostGc))
        {
            output.WriteLine(line);
        }

        var busyBefore = CpuActivity.Sample();
        output.WriteLine($"cpu: {CpuActivity.Text(busyBefore)} busy while the harness idled for a second before measuring");
        var judging = options.Runs(BenchOptions.Judging) ? JudgingScenario.Run(options, output) : null;
        var signing = options.Runs(BenchOptions.Signing) ? await SigningScenario.RunAsync(options, output).ConfigureAwait(false) : null;
        IngestResult? ingest = null;
        if (options.Runs(BenchOptions.Ingest))
        {
            ingest = await IngestScenario.RunAsync(options, output).ConfigureAwait(false);
            foreach (var line in ConsoleReport.Ingest(ingest))
            {
                output.WriteLine(line);
            }

            if (signing is not null)
            {
                // Ingest on 2 cores is CPU-bound: throughput without the check is what the host CPU per manifest less the check allows.
                var perManifestMs = ingest.HostCpuSeconds * 1000 / ingest.Posted;
                signing.IngestHostCpuMsPerManifest = perManifestMs;
                signing.Ratio = 1 - (signing.FullUs.P50Ms / 1000 / perManifestMs);
                output.WriteLine($"signing: {Units.Number(signing.FullUs.P50Ms)} µs of the host's {Units.Ms(perManifestMs)} CPU per manifest: throughput with the check / without it ≈ {signing.Ratio:F4} (goal ≥ 0.9)");
            }
        }

        BombResult? bombs = null;
        if (options.Runs(BenchOptions.Bombs))
        {
            bombs = await BombScenario.RunAsync(options, output).ConfigureAwait(false);
            foreach (var line in BombReport.Lines(bombs))
            {
                output.WriteLine(line);
            }
        }

        var busyAfter = CpuActivity.Sample();
        var apply = judging?.Figures[0];
        var result = string.Join("; ",
            apply is null ? "judgement not run" : $"judgement {Units.Ms(apply.CpuMsPerCall)} CPU per 10,000-file manifest: {apply.Verdict} (target {apply.Target})",
            ingest is null ? "ingest not run" : $"ingest {Units.Number(ingest.ManifestsPerSecond)} manifests/s, nothing lost or counted twice: {ingest.Verification.Verdict}",
            bombs is null ? "bombs not run" : $"bombs {bombs.Verdict}");
        var report = new BenchReport
        {
            GeneratedUtc = DateTime.UtcNow,
            Mode = mode,
            Command = options.Arguments,
            Machine = machine,
            LocalHostGc = hostGc,
            Judging = judging,
            Signing = signing,
            Ingest = ingest,
            Bombs = bombs,
            Notes = Notes(machine, busyBefore, busyAfter, clock.Elapsed, judging is not null, ingest is not null, bombs is not null),
            Result = result,
        };

        Directory.CreateDirectory(options.OutDirectory);
        var markdown = Path.Combine(options.OutDirectory, ReportName + ".md");
        var json = Path.Combine(options.OutDirectory, ReportName + ".json");
        MarkdownReport.Write(report, markdown);
        JsonReport.Write(report, json);
        ConsoleReport.Summary(report, output);
        output.WriteLine($"written: {markdown}");
        output.WriteLine($"written: {json}");
        return ingest is { Verification.Passed: false } ? VerificationFailed : bombs is { AnswersRight: false } ? WrongAnswers : 0;
    }

    private static List<string> Notes(MachineInfo machine, double busyBefore, double busyAfter, TimeSpan elapsed, bool judging, bool ingest, bool bombs) =>
    [
        $"other CPU activity, sampled for a second while the harness idled: {CpuActivity.Text(busyBefore)} before measuring, {CpuActivity.Text(busyAfter)} after"
            + (Math.Max(busyBefore, busyAfter) > CpuActivity.BusyThreshold ? "; ANOTHER JOB WAS USING THE CPU around this run: figures may be off, run again on a quiet machine" : ""),
        .. judging ? (string[])
        [
            "CPU/call: the process CPU clock (Process.TotalProcessorTime, 10 ms ticks) over the timed loop, divided by the calls; wall figures: a stopwatch around each call; allocated: GC.GetAllocatedBytesForCurrentThread over the loop",
            "each in-process figure follows a warm-up of at least 1.5 s (1 s with --quick) in 0.25 s rounds, ended by two rounds in a row in which the tiered-compilation thread stayed idle and the process used no more CPU than the calls (at most 8 s, 3 s with --quick, else the figure says so); \"first\" is the very first call, compilation included",
        ] : [],
        .. ingest ? (string[])
        [
            $"ingest: the probes, the local host and Azurite share this machine's {machine.Cores} cores, and Azurite (in memory, one Node.js process) stands in for Table and Blob Storage: the throughput is this local stack's, not Azure's",
        ] : [],
        .. bombs ? BombNotes : [],
        $"whole run took {elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min",
    ];

    private static readonly string[] BombNotes =
    [
        "bombs: RSS is the host process's resident set (/proc/PID/statm), not Azurite's; \"above idle\" is against the median over 1 s after the registry import and one warm-up manifest, on a fresh host (and Azurite) for each load; the peak covers the load and the 5 s after it",
        "bombs: the health goal is held to the p99 of GET /api/health during the load (max shown beside it); the checks run in this harness, which shares the 2 cores with the host and Azurite, so their latency includes the harness's own scheduling",
    ];

    /// <summary>
    /// The garbage collector the local host runs with, from its runtimeconfig.json (the Web SDK turns server GC on),
    /// and the thread pool's minimum when set (below it, threads are added without waiting).
    /// </summary>
    private static string LocalHostGc()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "MonitoramentoBKP.LocalHost.runtimeconfig.json");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var hasProps = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var props);
            var server = hasProps && props.TryGetProperty("System.GC.Server", out var flag) && flag.ValueKind == JsonValueKind.True;
            var threads = hasProps && props.TryGetProperty("System.Threading.ThreadPool.MinThreads", out var min) ? $"; thread pool from {min} threads" : "";
            return (server ? "server" : "workstation") + threads;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return "unknown";
        }
    }
}
