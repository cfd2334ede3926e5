using System.Diagnostics;
using System.Globalization;
using MonitoramentoBKP.BenchmarkShared;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>One benchmark run: describe the machine, make sure the data is there, run the scenarios, write the reports.</summary>
public static class BenchRun
{
    public const string ReportName = "probe-bench";

    public static int Execute(BenchOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var probePath = options.ProbePath is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : throw new BenchSetupException("no probe binary: pass --probe PATH or set BKP_PROBE_BIN (scripts/bench does both)");
        if (!File.Exists(probePath))
        {
            throw new BenchSetupException($"probe binary not found: {probePath}");
        }

        var layout = new DataLayout(options.WorkDirectory, options.Quick);
        Directory.CreateDirectory(layout.StateRoot);
        Directory.CreateDirectory(layout.ScratchRoot);
        File.WriteAllText(layout.ProbeConfig, "{}\n");

        var tools = new ToolBox();
        var runner = new ToolRunner(layout.WorkDirectory);
        var machine = MachineInfo.Collect(layout.WorkDirectory);
        var binary = ProbeBinaryInfo.Inspect(probePath);
        var toolInfos = tools.Describe();
        var mode = options.Quick ? "quick" : "full";
        output.WriteLine($"bkp-probe benchmark: {mode} run, best of {options.Repetitions} runs per command");
        foreach (var line in ConsoleReport.Header(machine, binary, toolInfos))
        {
            output.WriteLine(line);
        }

        var plan = DiskPlanner.Plan(options.Quick, layout, output);
        foreach (var note in plan.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        new DataGenerator(layout, runner, output).Ensure(plan);
        var notes = new List<string>(plan.Notes);
        var dataBytes = plan.LargeDiskBytes + plan.SmallFiles.TotalBytes() + plan.Tree.TotalBytes();
        if (machine.MemAvailableGiB * DataPlan.GiB < dataBytes + DataPlan.GiB)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"only {machine.MemAvailableGiB:F1} GiB of memory available for {Units.GiBText(dataBytes)} of data: files may fall out of the page cache, and figures then include disk reads"));
        }

        var busyBefore = CpuActivity.Sample();
        output.WriteLine($"cpu: {CpuActivity.Text(busyBefore)} busy while the harness idled for a second before the scenarios");

        var context = new BenchContext
        {
            Layout = layout,
            Plan = plan,
            Runner = runner,
            Sampler = new Sampler(runner, tools, output),
            Tools = tools,
            ProbePath = probePath,
            Repetitions = options.Repetitions,
            Log = output,
        };
        var results = new List<ScenarioResult>();
        void Record(ScenarioResult result)
        {
            results.Add(result);
            output.WriteLine(ConsoleReport.Line(result));
        }

        var oneFile = LargeFileScenario.Run(context);
        Record(oneFile);
        Record(TwoLargeFilesScenario.Run(context, oneFile));
        Record(SmallFilesScenario.Run(context));
        Record(RescanScenario.Run(context));
        Record(MemoryScenario.Run(context));
        Record(StartupScenario.Run(context));

        var busyAfter = CpuActivity.Sample();
        notes.Add($"other CPU activity, sampled for a second while the harness idled: {CpuActivity.Text(busyBefore)} before the scenarios, {CpuActivity.Text(busyAfter)} after");
        if (Math.Max(busyBefore, busyAfter) > CpuActivity.BusyThreshold)
        {
            notes.Add("another job was using the CPU around this run: figures may be low; run again on a quiet machine");
        }

        notes.Add($"whole run took {clock.Elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min (data generation included when it happened)");
        var report = new BenchReport
        {
            GeneratedUtc = DateTime.UtcNow,
            Mode = mode,
            Repetitions = options.Repetitions,
            WorkDirectory = layout.WorkDirectory,
            Machine = machine,
            ProbeBinary = binary,
            Tools = toolInfos,
            Notes = notes,
            Scenarios = results,
        };
        Directory.CreateDirectory(options.OutDirectory);
        var markdown = Path.Combine(options.OutDirectory, ReportName + ".md");
        var json = Path.Combine(options.OutDirectory, ReportName + ".json");
        MarkdownReport.Write(report, markdown);
        JsonReport.Write(report, json);
        ConsoleReport.Summary(report, output);
        output.WriteLine($"written: {markdown}");
        output.WriteLine($"written: {json}");
        return 0;
    }
}
