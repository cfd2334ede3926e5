using System.Diagnostics;

namespace MonitoramentoBKP.PriorityBench;

/// <summary>
/// Keeps a full probe scan of the tree going (evicted from the page cache before each, every file re-hashed) until
/// stopped: <c>scan</c>, which keeps the priority it was started with, or <c>run</c>, which lowers its own.
/// </summary>
internal sealed class ScanLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Process? _current;

    public ScanLoop(Func<IReadOnlyList<string>> command, IReadOnlyList<string> tree)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PageEviction.Evict(tree);
                var arguments = command();
                var start = new ProcessStartInfo(arguments[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in arguments.Skip(1))
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start)!;
                _current = process;
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                await output;
                var said = await error;
                if (process.ExitCode is not (0 or 1) && !_stop.IsCancellationRequested)
                {
                    throw new InvalidOperationException($"{string.Join(' ', arguments)} exited with {process.ExitCode}: {said}");
                }

                if (!_stop.IsCancellationRequested)
                {
                    Completed++;
                }
            }
        });
    }

    /// <summary>Whole scans finished while the loop ran.</summary>
    public int Completed { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            _current?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had just ended.
        }

        await _loop;
        _stop.Dispose();
    }
}
