namespace MonitoramentoBKP.Benchmarks;

/// <summary>What every scenario needs: the data, the probe, the tools, and how many times to repeat.</summary>
public sealed class BenchContext
{
    public required DataLayout Layout { get; init; }
    public required DataPlan Plan { get; init; }
    public required ToolRunner Runner { get; init; }
    public required Sampler Sampler { get; init; }
    public required ToolBox Tools { get; init; }
    public required string ProbePath { get; init; }
    public required int Repetitions { get; init; }
    public required TextWriter Log { get; init; }

    /// <summary>bkp-probe scan with the harness's empty probe.json, so only the given options count.</summary>
    public ToolCommand Probe(string name, params string[] scanArguments) =>
        new(name, ProbePath, ProbeArguments(scanArguments));

    public IReadOnlyList<string> ProbeArguments(params string[] scanArguments) =>
        ["scan", "--config", Layout.ProbeConfig, .. scanArguments];

    public ToolCommand Tool(string name, string tool, IReadOnlyList<string> arguments, bool discardStdout = false) =>
        new(name, Tools.Resolve(tool), arguments, discardStdout);

    /// <summary>Each scenario has its own probe state folder, so one scenario's cache never warms another's.</summary>
    public string StateDirectory(string scenario) => Path.Combine(Layout.StateRoot, scenario);

    public static void Wipe(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public void Heading(string id, string title) => Log.WriteLine($"\n[{id}] {title}");
}
