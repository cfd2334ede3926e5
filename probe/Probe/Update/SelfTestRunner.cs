using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// Runs a staged executable's <c>self-test</c> as a child process and judges it from outside: it must exit 0 within
/// the time limit (or it is killed) and print exactly the version the release says it is. A version that cannot
/// start, read its configuration and key, sign and scan on this machine never replaces the one that can.
/// </summary>
public static class SelfTestRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The self-test's output is its version; anything longer is not read whole.</summary>
    private const int MaxOutputChars = 16 * 1024;

    /// <summary>Null when the self-test passed; otherwise what went wrong, in English.</summary>
    public static async Task<string?> RunAsync(string executable, string configPath, string expectedVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(executable)!,
        };
        foreach (var argument in new[] { "self-test", "--config", configPath })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove(UpdateFaults.Variable);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"the staged executable did not start: {e.Message}";
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                return $"the self-test did not finish within {timeout.TotalSeconds:0} s and was killed";
            }

            var said = Cut(await stdout.ConfigureAwait(false)).Trim();
            var complaint = Cut(await stderr.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
            {
                return $"the self-test exited with code {process.ExitCode}" + (complaint.Length > 0 ? $": {Last(complaint)}" : "");
            }

            var version = said.Split('\n').LastOrDefault()?.Trim() ?? "";
            return string.Equals(version, expectedVersion, StringComparison.Ordinal)
                ? null
                : $"the self-test says it is version '{Last(version)}', but the release is {expectedVersion}";
        }
    }

    private static string Cut(string text) => text.Length <= MaxOutputChars ? text : text[^MaxOutputChars..];

    private static string Last(string text)
    {
        var line = text.Split('\n').Last().Trim();
        return line.Length <= 300 ? line : line[..300];
    }
}
