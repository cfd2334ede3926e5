using System.Diagnostics;
using System.Globalization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// A process's resident memory from /proc/PID/statm, read on a thread of its own every few milliseconds while a
/// load runs (a thread, not the thread pool, so the sampling keeps its pace when the harness is busy too).
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly int _pid;
    private readonly TimeSpan _every;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;
    private int _samples;

    private RssSampler(int pid, TimeSpan every)
    {
        _pid = pid;
        _every = every;
        _thread = new Thread(Loop) { IsBackground = true, Name = "rss-sampler" };
    }

    /// <summary>Highest resident size seen so far, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public int Samples => Volatile.Read(ref _samples);

    public static RssSampler Start(int pid, TimeSpan every)
    {
        var sampler = new RssSampler(pid, every);
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Resident bytes now; null when the process is gone.</summary>
    public static long? Read(int pid)
    {
        var statm = ProcFiles.ReadOr($"/proc/{pid}/statm", "").Split(' ');
        return statm.Length > 1 && long.TryParse(statm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages * Environment.SystemPageSize
            : null;
    }

    /// <summary>The median of readings every 20 ms over <paramref name="span"/>: the resident size of a process at rest.</summary>
    public static async Task<long> SettledAsync(int pid, TimeSpan span)
    {
        var readings = new List<long>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < span)
        {
            if (Read(pid) is { } rss)
            {
                readings.Add(rss);
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        readings.Sort();
        return readings.Count == 0 ? throw new BenchSetupException($"/proc/{pid}/statm could not be read: the host is gone") : readings[readings.Count / 2];
    }

    /// <summary>Stops sampling and says the peak.</summary>
    public long Stop()
    {
        _stop = true;
        _thread.Join();
        return Peak;
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Loop()
    {
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (!_stop)
        {
            if (Read(_pid) is { } rss && rss > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, rss);
            }

            Interlocked.Increment(ref _samples);
            next += _every;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
            else
            {
                // Fell behind (the machine is busy): carry on from now rather than catching up in a burst.
                next = clock.Elapsed;
            }
        }
    }
}
