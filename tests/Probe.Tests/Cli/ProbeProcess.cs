using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Tests.Cli;

/// <summary>Runs the real bkp-probe, as the scheduled task would: no terminal, output captured.</summary>
public static class ProbeProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bkp-probe.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "BKP_CONFIG", "BKP_BRANCH_ID", "BKP_STATE_DIR", "BKP_PARALLEL", "BKP_LANG", "BKP_REVERIFY_BUDGET", "BKP_LARGE_FILE_PARALLEL", "BKP_COLLECTOR_URL", "BKP_KEY_FILE" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bkp-probe {string.Join(' ', arguments)} did not finish");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
