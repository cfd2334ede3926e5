using System.ComponentModel;
using System.Diagnostics;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Starts every measured command the same way, probe or not, so process start-up costs the same for each:
/// stdout discarded, stderr captured, no BKP_* variable inherited.
/// </summary>
public sealed class ToolRunner(string workingDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public RunOutcome Run(ToolCommand command)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (command.DiscardStdout)
        {
            info.FileName = "/bin/sh";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("exec \"$@\" > /dev/null");
            info.ArgumentList.Add("sh");
            info.ArgumentList.Add(command.FileName);
        }
        else
        {
            info.FileName = command.FileName;
        }

        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("BKP_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        using var process = new Process { StartInfo = info };
        var startUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        var started = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new RunOutcome(-1, TimeSpan.Zero, "", startUnixMs, $"cannot start {command.FileName}: {e.Message}");
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new RunOutcome(-1, Stopwatch.GetElapsedTime(started), stderr.Result, startUnixMs, $"killed after {Timeout.TotalMinutes} minutes");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        stdout.GetAwaiter().GetResult();
        return new RunOutcome(process.ExitCode, elapsed, stderr.GetAwaiter().GetResult(), startUnixMs, null);
    }

    /// <summary>First line a command prints (stdout or stderr), for version strings; null when it cannot run.</summary>
    public static string? FirstLine(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var text = stdout.Length > 0 ? stdout : stderr.GetAwaiter().GetResult();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
