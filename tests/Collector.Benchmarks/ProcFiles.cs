using System.Globalization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Reads /proc: machine facts, and the CPU time of other processes (the local host and the Azurite it started).</summary>
public static class ProcFiles
{
    /// <summary>Kernel clock ticks per second (USER_HZ), which /proc/PID/stat counts CPU time in; 100 on every Linux build in use.</summary>
    private const double TicksPerSecond = 100;

    public static string ReadOr(string path, string fallback)
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

    /// <summary>User plus system CPU time a live process has used so far; null when it is gone.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? null : TimeSpan.FromSeconds((Tick(fields[11]) + Tick(fields[12])) / TicksPerSecond);
    }

    /// <summary>The live processes whose parent is <paramref name="pid"/>.</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var candidate)
                && StatFields(candidate) is { } fields
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
                && parent == pid)
            {
                children.Add(candidate);
            }
        }

        return children;
    }

    /// <summary>CPU time used so far by this process's threads whose name starts with <paramref name="prefix"/> (".NET Tiered Com").</summary>
    public static TimeSpan ThreadCpuTime(string prefix)
    {
        long ticks = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (ReadOr(Path.Combine(task, "comm"), "").StartsWith(prefix, StringComparison.Ordinal)
                && Fields(ReadOr(Path.Combine(task, "stat"), "")) is { } fields)
            {
                ticks += Tick(fields[11]) + Tick(fields[12]);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static bool IsAlive(int pid) => StatFields(pid) is { } fields && fields[0] != "Z";

    /// <summary>The process name, as /proc/PID/comm has it.</summary>
    public static string Name(int pid) => ReadOr($"/proc/{pid}/comm", "?").Trim();

    /// <summary>The fields of /proc/PID/stat after the command name (which may hold spaces): state first, then ppid, and so on.</summary>
    private static string[]? StatFields(int pid) => Fields(ReadOr($"/proc/{pid}/stat", ""));

    private static string[]? Fields(string stat)
    {
        var close = stat.LastIndexOf(')');
        return close < 0 ? null : stat[(close + 2)..].Split(' ');
    }

    private static long Tick(string field) => long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
