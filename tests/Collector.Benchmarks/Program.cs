using MonitoramentoBKP.Collector.Benchmarks;

var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

try
{
    return await BenchRun.ExecuteAsync(options, Console.Out);
}
catch (BenchSetupException e)
{
    Console.Error.WriteLine($"bench-collector: {e.Message}");
    return 1;
}
