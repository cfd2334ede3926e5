using System.Globalization;
using System.Runtime.InteropServices;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>What the figures depend on: the CPU and its core count (the host, Azurite and the probes share them) and the memory.</summary>
public sealed record MachineInfo
{
    public required string CpuModel { get; init; }
    public required int Cores { get; init; }
    public required double MemTotalGiB { get; init; }
    public required double MemAvailableGiB { get; init; }
    public required string Kernel { get; init; }
    public required string Os { get; init; }
    public required string Runtime { get; init; }

    public static MachineInfo Collect()
    {
        var cpuinfo = ProcFiles.ReadOr("/proc/cpuinfo", "").Split('\n');
        var model = cpuinfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? RuntimeInformation.ProcessArchitecture.ToString();
        var meminfo = ProcFiles.ReadOr("/proc/meminfo", "").Split('\n');
        return new MachineInfo
        {
            CpuModel = model,
            Cores = Environment.ProcessorCount,
            MemTotalGiB = MemGiB(meminfo, "MemTotal:"),
            MemAvailableGiB = MemGiB(meminfo, "MemAvailable:"),
            Kernel = ProcFiles.ReadOr("/proc/sys/kernel/osrelease", RuntimeInformation.OSDescription).Trim(),
            Os = OsName(),
            Runtime = RuntimeInformation.FrameworkDescription,
        };
    }

    private static string OsName()
    {
        var line = ProcFiles.ReadOr("/etc/os-release", "").Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static double MemGiB(string[] meminfo, string key)
    {
        var line = meminfo.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var kib = line?[key.Length..].Trim().Split(' ')[0];
        return long.TryParse(kib, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value / 1024.0 / 1024.0 : 0;
    }
}
