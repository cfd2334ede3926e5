namespace MonitoramentoBKP.Benchmarks;

/// <summary>Repeats a command and keeps the best run: on a shared 2-core machine the minimum is the figure least disturbed by neighbours.</summary>
public sealed class Sampler(ToolRunner runner, ToolBox tools, TextWriter log)
{
    public Sample Best(ToolCommand command, int repetitions, Action? beforeEach = null)
    {
        if (!tools.IsAvailable(command.FileName))
        {
            log.WriteLine($"  {command.Name}: n/a ({command.FileName} not installed)");
            return new Sample(command, [], "not installed");
        }

        var runs = new List<RunOutcome>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            beforeEach?.Invoke();
            var outcome = runner.Run(command);
            runs.Add(outcome);
            if (!outcome.Succeeded)
            {
                log.WriteLine($"  {command.Name}: FAILED ({outcome.FailureText})");
                log.WriteLine($"    command: {command.Display}");
                return new Sample(command, runs, outcome.FailureText);
            }
        }

        var sample = new Sample(command, runs, null);
        log.WriteLine($"  {command.Name}: {sample.TimesText}, best {Units.Seconds(sample.Best!.Elapsed)} s");
        return sample;
    }
}
