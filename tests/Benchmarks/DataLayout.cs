namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Where each data set lives under the work folder. Spec files sit beside the data folders, never inside,
/// so neither the probe nor the other tools count them.
/// </summary>
/// <remarks>Quick and full runs keep their data apart, so alternating between them regenerates nothing.</remarks>
public sealed class DataLayout(string workDirectory, bool quick)
{
    public string WorkDirectory { get; } = workDirectory;
    public string DataRoot => Path.Combine(WorkDirectory, "data", quick ? "quick" : "full");
    public string StateRoot => Path.Combine(WorkDirectory, "state");
    public string ScratchRoot => Path.Combine(WorkDirectory, "scratch");

    /// <summary>An empty probe.json keeps any /etc/bkp-probe/probe.json or BKP_* setting of this machine out of the figures.</summary>
    public string ProbeConfig => Path.Combine(WorkDirectory, "probe.json");

    public string LargeSpec => Path.Combine(DataRoot, "large.spec");
    public string LargeOneFolder => Path.Combine(DataRoot, "large1");
    public string LargeOneFile => Path.Combine(LargeOneFolder, "backup-a.bin");
    public string LargeTwoFolder => Path.Combine(DataRoot, "large2");
    public string LargeTwoFirst => Path.Combine(LargeTwoFolder, "backup-a.bin");
    public string LargeTwoSecond => Path.Combine(LargeTwoFolder, "backup-b.bin");

    public string Folder(FileSetSpec spec) => Path.Combine(DataRoot, spec.Name);
    public string Spec(FileSetSpec spec) => Path.Combine(DataRoot, spec.Name + ".spec");
}
