using System.Globalization;
using System.Runtime.InteropServices;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>What the figures depend on: SHA-256 speed follows the CPU's SHA extensions (sha_ni), the rest the core count and kernel.</summary>
public sealed record MachineInfo
{
    public required string CpuModel { get; init; }
    public required int Cores { get; init; }
    public required bool ShaNi { get; init; }
    public required string Kernel { get; init; }
    public required string Os { get; init; }
    public required string DotnetSdk { get; init; }
    public required string HarnessRuntime { get; init; }
    public required double MemTotalGiB { get; init; }
    public required double MemAvailableGiB { get; init; }
    public required string WorkFileSystem { get; init; }
    public required double WorkFreeGiB { get; init; }

    public static MachineInfo Collect(string workDirectory)
    {
        var cpuinfo = ReadOr("/proc/cpuinfo", "");
        var lines = cpuinfo.Split('\n');
        var model = lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var flags = lines.FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var meminfo = ReadOr("/proc/meminfo", "").Split('\n');
        var drive = new DriveInfo(workDirectory);
        return new MachineInfo
        {
            CpuModel = model,
            Cores = Environment.ProcessorCount,
            ShaNi = flags.Contains("sha_ni"),
            Kernel = ReadOr("/proc/sys/kernel/osrelease", RuntimeInformation.OSDescription).Trim(),
            Os = OsName(),
            DotnetSdk = ToolRunner.FirstLine("dotnet", "--version") ?? "?",
            HarnessRuntime = RuntimeInformation.FrameworkDescription,
            MemTotalGiB = MemGiB(meminfo, "MemTotal:"),
            MemAvailableGiB = MemGiB(meminfo, "MemAvailable:"),
            WorkFileSystem = drive.DriveFormat,
            WorkFreeGiB = drive.AvailableFreeSpace / (double)DataPlan.GiB,
        };
    }

    private static string OsName()
    {
        var line = ReadOr("/etc/os-release", "").Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static double MemGiB(string[] meminfo, string key)
    {
        var line = meminfo.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var kib = line?[key.Length..].Trim().Split(' ')[0];
        return long.TryParse(kib, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value / 1024.0 / 1024.0 : 0;
    }

    internal static string ReadOr(string path, string fallback)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fallback;
        }
    }
}
