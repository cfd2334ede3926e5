using System.Globalization;
using System.Runtime.InteropServices;

namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// Puts the running probe below the shop's own work, so a scan never slows the till: Windows background mode
/// (low CPU, I/O and memory priority for the whole process); Linux the idle CPU policy (SCHED_IDLE: a CPU only
/// when nothing else wants it), nice 10 and the idle I/O class. Linux keeps all three per thread, so every thread
/// the runtime has already started is lowered, and the threads started later inherit it from them. SCHED_IDLE
/// rather than nice alone: a nice-10 thread still takes about a tenth of a core from the till (the benchmark in
/// scripts/bench-priority measured +20 % at nice 10); a till is rarely busy for hours, and the task's time limit
/// ends a run that never got the CPU.
/// </summary>
public static partial class ProcessPriority
{
    /// <summary>The nice value the systemd unit also sets (Nice=10).</summary>
    public const int LinuxNice = 10;

    private const uint ProcessModeBackgroundBegin = 0x00100000;
    private const int PrioProcess = 0;
    private const int IoprioWhoProcess = 1;
    private const int IoprioClassIdle = 3;
    private const int IoprioClassShift = 13;
    private const int SchedIdle = 5;

    /// <summary>Lowers this process's priority; null when done, else what failed (the run goes on at the priority it has).</summary>
    public static string? LowerForBackground()
    {
        if (OperatingSystem.IsWindows())
        {
            return SetPriorityClass(GetCurrentProcess(), ProcessModeBackgroundBegin) ? null : $"SetPriorityClass: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
        }

        return OperatingSystem.IsLinux() ? LowerLinuxThreads() : null;
    }

    private static string? LowerLinuxThreads()
    {
        var number = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 251L,
            Architecture.Arm64 => 30L,
            _ => (long?)null,
        };
        string? problem = number is null ? $"ioprio_set: unknown on {RuntimeInformation.ProcessArchitecture}" : null;
        IEnumerable<string> tasks;
        try
        {
            tasks = Directory.EnumerateDirectories("/proc/self/task").Select(Path.GetFileName).OfType<string>().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            tasks = ["0"];
        }

        foreach (var task in tasks)
        {
            if (!int.TryParse(task, NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
            {
                continue;
            }

            // Only ever lower: a probe started nicer than 10 (by an administrator) stays where it was put.
            Marshal.SetLastPInvokeError(0);
            var current = GetPriority(PrioProcess, tid);
            if ((current < LinuxNice || Marshal.GetLastPInvokeError() != 0) && SetPriority(PrioProcess, tid, LinuxNice) != 0)
            {
                problem ??= $"setpriority: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            }

            if (SchedSetScheduler(tid, SchedIdle, 0) != 0)
            {
                problem ??= $"sched_setscheduler: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            }

            if (number is { } ioprioSet && Syscall(ioprioSet, IoprioWhoProcess, tid, IoprioClassIdle << IoprioClassShift) != 0)
            {
                problem ??= $"ioprio_set: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            }
        }

        return problem;
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool SetPriorityClass(IntPtr process, uint priorityClass);

    [LibraryImport("kernel32.dll")]
    private static partial IntPtr GetCurrentProcess();

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, in int priority);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int which, int who, int priority);
}
