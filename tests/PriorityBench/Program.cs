using System.Globalization;
using System.Security.Cryptography;
using MonitoramentoBKP.PriorityBench;

// bkp-priority-bench --probe PATH [--work DIR] [--tree-mib N] [--threads N] [--reps N]
// How much a full probe scan slows a foreground CPU-bound and disk-reading workload, with the probe at its own
// lowered priority (run: SCHED_IDLE, nice 10, idle I/O) and, for comparison, at normal priority (scan). Goal: at most 10 %.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a, p => p.i + 1 < args.Length ? args[p.i + 1] : "", StringComparer.Ordinal);
if (!options.TryGetValue("--probe", out var probe) || !File.Exists(probe))
{
    Console.Error.WriteLine("bench-priority: --probe PATH (bkp-probe, or bkp-probe.dll run with dotnet) is required");
    return 2;
}

var work = options.GetValueOrDefault("--work", "/tmp/bkp-priority-bench");
var treeMib = int.Parse(options.GetValueOrDefault("--tree-mib", "1024"), CultureInfo.InvariantCulture);
var threads = int.Parse(options.GetValueOrDefault("--threads", "1"), CultureInfo.InvariantCulture);
var reps = int.Parse(options.GetValueOrDefault("--reps", "3"), CultureInfo.InvariantCulture);
var inv = CultureInfo.InvariantCulture;

var tree = Data(Path.Combine(work, "tree"), treeMib / 4);
var foreground = Data(Path.Combine(work, "foreground"), 64);
var keyFile = Path.Combine(work, "state-run", "probe.key");
if (!File.Exists(keyFile))
{
    Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
    using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
}

using var collector = new Collector();
string[] Probe(params string[] more) => probe.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", probe, .. more] : [probe, .. more];
var modes = new (string Name, Func<IReadOnlyList<string>>? Command)[]
{
    ("alone", null),
    ("scan at normal priority (bkp-probe scan)", () => Probe("scan", "--set", "bench=" + Path.Combine(work, "tree"), "--state-dir", Path.Combine(work, "state-scan"), "--verify-all")),
    ("scan at the probe's priority (bkp-probe run)", () => Probe("run", "--set", "bench=" + Path.Combine(work, "tree"), "--state-dir", Path.Combine(work, "state-run"),
        "--branch", "BENCH", "--collector", collector.Url, "--verify-all")),
    // What the timer does: the unit's CPUSchedulingPolicy=idle, Nice=10 and IOSchedulingClass=idle hold from the
    // process's first instruction, so the runtime's start (JIT, before run lowers itself) is low too.
    ("as scheduled (idle CPU and I/O from the start, run)", () => ["chrt", "--idle", "0", "nice", "-n", "10", "ionice", "-c", "3", .. Probe("run", "--set", "bench=" + Path.Combine(work, "tree"),
        "--state-dir", Path.Combine(work, "state-run"), "--branch", "BENCH", "--collector", collector.Url, "--verify-all")]),
};

var rounds = Workloads.Calibrate(TimeSpan.FromSeconds(3));
Console.WriteLine(string.Create(inv, $"bench-priority: {Environment.ProcessorCount} cores; foreground CPU: {threads} thread(s) x {rounds} SHA-256 rounds of 1 MiB; foreground disk: {foreground.Count} x 4 MiB read cold; scan: {tree.Count} x 4 MiB re-hashed cold, over and over; median of {reps}"));
// Interleaved (each repetition measures every workload alone and beside both scans), so a neighbour's load on a
// shared machine falls on all three alike rather than on whichever was measured last.
var samples = new Dictionary<(string Workload, string Mode), List<double>>();
var scans = new Dictionary<(string Workload, string Mode), int>();
for (var rep = 0; rep < reps; rep++)
{
    foreach (var workload in new[] { "cpu", "disk" })
    {
        foreach (var (name, command) in modes)
        {
            await using var loop = command is null ? null : new ScanLoop(command, tree);
            if (loop is not null)
            {
                // Let the scan get into its stride (runtime start, walk) before timing.
                await Task.Delay(TimeSpan.FromSeconds(1.5));
            }

            var seconds = (workload == "cpu" ? Workloads.Cpu(threads, rounds) : Workloads.Disk(foreground)).TotalSeconds;
            (samples.TryGetValue((workload, name), out var list) ? list : samples[(workload, name)] = []).Add(seconds);
            scans[(workload, name)] = scans.GetValueOrDefault((workload, name)) + (loop?.Completed ?? 0);
        }
    }
}

var results = new Dictionary<(string Workload, string Mode), double>();
foreach (var ((workload, name), list) in samples)
{
    var sorted = list.Order().ToList();
    results[(workload, name)] = sorted[sorted.Count / 2];
    Console.WriteLine(string.Create(inv, $"  {workload,-4} {name,-54} {sorted[sorted.Count / 2],7:F3} s  (samples {string.Join(" ", list.Select(s => s.ToString("F3", inv)))}; whole scans meanwhile: {scans[(workload, name)]})"));
}

Console.WriteLine();
Console.WriteLine("| foreground | alone | with a normal-priority scan | with the probe's lowered priority | as scheduled | goal <= 10 % |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
var met = true;
foreach (var workload in new[] { "cpu", "disk" })
{
    var alone = results[(workload, modes[0].Name)];
    var normal = results[(workload, modes[1].Name)] / alone - 1;
    var lowered = results[(workload, modes[2].Name)] / alone - 1;
    var scheduled = results[(workload, modes[3].Name)] / alone - 1;
    met &= lowered <= 0.10;
    Console.WriteLine(string.Create(inv, $"| {workload} | {alone:F3} s | {results[(workload, modes[1].Name)]:F3} s ({normal * 100:+0.0;-0.0} %) | {results[(workload, modes[2].Name)]:F3} s ({lowered * 100:+0.0;-0.0} %) | {results[(workload, modes[3].Name)]:F3} s ({scheduled * 100:+0.0;-0.0} %) | {(lowered <= 0.10 ? "met" : "missed")} |"));
}

return met ? 0 : 4;

// Files of 4 MiB of random bytes, made once and kept for the next run.
static IReadOnlyList<string> Data(string folder, int count)
{
    Directory.CreateDirectory(folder);
    var files = Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"f{i:D4}.bin")).ToList();
    var buffer = new byte[4 << 20];
    foreach (var file in files.Where(f => !File.Exists(f) || new FileInfo(f).Length != buffer.Length))
    {
        Random.Shared.NextBytes(buffer);
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write);
        stream.Write(buffer);
        stream.Flush(flushToDisk: true);
    }

    return files;
}
