using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>Runs a system tool (schtasks, systemctl, useradd...) and gives its exit code and output; one that cannot start is an <see cref="InstallStepException"/>.</summary>
public static class ExternalCommand
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>What the tool said, for a message: its error output, else its output.</summary>
        public string Said => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim();
    }

    /// <param name="interactive">Leave the console to the tool (schtasks asking for a password), capturing nothing.</param>
    public static Result Run(string program, IEnumerable<string> arguments, TimeSpan patience, bool interactive = false)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = !interactive,
            RedirectStandardError = !interactive,
            RedirectStandardInput = !interactive,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InstallStepException($"{program}: did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InstallStepException($"{program}: {e.Message}", e);
        }

        using (process)
        {
            if (interactive)
            {
                process.WaitForExit();
                return new Result(process.ExitCode, "", "");
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(patience))
            {
                process.Kill(entireProcessTree: true);
                throw new InstallStepException($"{program} {string.Join(' ', start.ArgumentList)}: no answer after {patience.TotalSeconds:0} s");
            }

            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>As <see cref="Run"/>, and a non-zero exit is an <see cref="InstallStepException"/> quoting the tool.</summary>
    public static Result Check(string program, IEnumerable<string> arguments, TimeSpan patience, bool interactive = false)
    {
        var list = arguments.ToList();
        var result = Run(program, list, patience, interactive);
        return result.Succeeded ? result : throw new InstallStepException($"{program} {string.Join(' ', list)}: {result.Said} (exit {result.ExitCode})");
    }
}
