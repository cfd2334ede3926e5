using System.Diagnostics;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Times one in-process call: once cold, warm-up, then a loop under the process CPU clock, a stopwatch and the allocation counter.</summary>
public static class CallMeasurement
{
    /// <summary>Where results go so the JIT cannot drop a call whose result is unused.</summary>
    private static object? _sink;

    /// <summary>One warm-up round: long enough for the 10 ms CPU clock to tell the calls' thread from the runtime's other work.</summary>
    private static readonly TimeSpan RoundLength = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls of a second or so are warm after this long even short of the warm-up call count.</summary>
    private static readonly TimeSpan SlowCallWarmup = TimeSpan.FromSeconds(2);

    /// <summary>Process CPU at most this share above the round's wall time: nothing else of note is running.</summary>
    private const double SettledRatio = 1.1;

    private const double CpuTick = 10;

    /// <summary>Quiet rounds in a row that end the warm-up: the runtime's background compilation comes in bursts.</summary>
    private const int SettledRounds = 2;

    /// <summary>The name Linux shows for the runtime's tiered-compilation worker (thread names are cut to 15 characters).</summary>
    private const string TieredCompilationThread = ".NET Tiered Com";

    public static CallStats Measure(string id, string title, Func<object?> call, MeasureSettings settings)
    {
        var first = Stopwatch.StartNew();
        _sink = call();
        var firstMs = first.Elapsed.TotalMilliseconds;

        // Warm up in rounds until the runtime has stopped compiling in the background: tiered compilation
        // re-JITs hot code on a thread of its own, which the process CPU clock would otherwise charge to the calls,
        // and it starts only after a delay, so a quiet round proves little unless that thread stays idle too.
        using var self = Process.GetCurrentProcess();
        var warmup = Stopwatch.StartNew();
        var warmed = 0;
        var settled = false;
        var settledRounds = 0;
        var recent = new Queue<double>();
        while (warmup.Elapsed < settings.MaxWarmup)
        {
            self.Refresh();
            var roundCpu = self.TotalProcessorTime;
            var roundJit = ProcFiles.ThreadCpuTime(TieredCompilationThread);
            var round = Stopwatch.StartNew();
            do
            {
                var start = Stopwatch.GetTimestamp();
                _sink = call();
                recent.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (recent.Count > 5)
                {
                    recent.Dequeue();
                }

                warmed++;
            }
            while (round.Elapsed < RoundLength);

            self.Refresh();
            var busy = (self.TotalProcessorTime - roundCpu).TotalMilliseconds;
            var enoughCalls = warmed >= settings.WarmupCalls || warmup.Elapsed >= SlowCallWarmup;
            var jitted = ProcFiles.ThreadCpuTime(TieredCompilationThread) > roundJit;
            settledRounds = !jitted && busy <= (round.Elapsed.TotalMilliseconds * SettledRatio) + CpuTick ? settledRounds + 1 : 0;
            settled = settledRounds >= SettledRounds;
            if (enoughCalls && warmup.Elapsed >= settings.MinWarmup && settled)
            {
                break;
            }
        }

        warmup.Stop();
        var perCallMs = recent.Count > 0 ? recent.Order().ElementAt(recent.Count / 2) : firstMs;
        var fit = (int)Math.Min(int.MaxValue, settings.Budget.TotalMilliseconds / Math.Max(perCallMs, 1e-3));
        var iterations = Math.Clamp(fit, settings.MinIterations, settings.MaxIterations);

        // Start the loop with no garbage left over from warm-up, so what it collects is its own.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var wall = new double[iterations];
        var gcBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var loop = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _sink = call();
            wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        loop.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var collections = new[] { GC.CollectionCount(0) - gcBefore[0], GC.CollectionCount(1) - gcBefore[1], GC.CollectionCount(2) - gcBefore[2] };
        _sink = null;

        Array.Sort(wall);
        return new CallStats
        {
            Id = id,
            Title = title,
            Iterations = iterations,
            FirstCallMs = firstMs,
            CpuMsPerCall = cpu.TotalMilliseconds / iterations,
            WallMeanMs = wall.Average(),
            WallMedianMs = Percentiles.Of(wall, 0.5),
            WallP99Ms = Percentiles.Of(wall, 0.99),
            WallMaxMs = wall[^1],
            AllocatedBytesPerCall = allocated / (double)iterations,
            Collections = collections,
            Notes = Notes(settled, warmup.Elapsed, cpu.TotalMilliseconds, loop.Elapsed.TotalMilliseconds),
        };
    }

    /// <summary>What may make a figure misleading: a warm-up cut short, or other threads busy during the loop (beyond the clock's two-tick uncertainty).</summary>
    private static List<string> Notes(bool settled, TimeSpan warmup, double cpuMs, double wallMs)
    {
        var notes = new List<string>();
        if (!settled)
        {
            notes.Add($"the runtime was still busy beside the calls after {Units.Number(warmup.TotalSeconds)} s of warm-up");
        }

        if (cpuMs > (wallMs * SettledRatio) + (2 * CpuTick))
        {
            notes.Add($"other threads of the process used CPU during the timed calls ({Units.Ms(cpuMs)} CPU in {Units.Ms(wallMs)}): CPU/call overstates the call; its own cost is nearer the wall mean");
        }

        return notes;
    }
}
