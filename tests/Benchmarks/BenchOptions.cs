namespace MonitoramentoBKP.Benchmarks;

/// <summary>The command line of the harness; scripts/bench supplies --probe and --out.</summary>
public sealed record BenchOptions
{
    public const string Usage =
        "bkp-bench [--quick] [--work DIR] [--out DIR] [--probe PATH] [--reps N]\n" +
        "  --quick       smaller data for a smoke run (256 MiB large file, 2,000 small files, 10,000-file tree)\n" +
        "  --work DIR    where test data and probe state go (default /tmp/bkp-bench); data of the right size is reused\n" +
        "  --out DIR     where probe-bench.md and probe-bench.json are written (default ./bench-results)\n" +
        "  --probe PATH  the bkp-probe binary (default $BKP_PROBE_BIN)\n" +
        "  --reps N      timed repetitions per command, best kept (default 3)";

    public bool Quick { get; init; }
    public bool ShowHelp { get; init; }
    public string WorkDirectory { get; init; } = "/tmp/bkp-bench";
    public string OutDirectory { get; init; } = "bench-results";
    public string? ProbePath { get; init; } = Environment.GetEnvironmentVariable("BKP_PROBE_BIN");
    public int Repetitions { get; init; } = 3;

    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "-h" or "--help":
                    options = options with { ShowHelp = true };
                    break;
                case "--work" or "--out" or "--probe" or "--reps":
                    if (i + 1 >= args.Count)
                    {
                        error.WriteLine($"bench: {arg} needs a value\n{Usage}");
                        return null;
                    }

                    var value = args[++i];
                    if (arg == "--reps")
                    {
                        if (!int.TryParse(value, out var reps) || reps < 1)
                        {
                            error.WriteLine($"bench: --reps must be a positive integer, not '{value}'");
                            return null;
                        }

                        options = options with { Repetitions = reps };
                    }
                    else
                    {
                        var full = Path.GetFullPath(value);
                        options = arg switch
                        {
                            "--work" => options with { WorkDirectory = full },
                            "--out" => options with { OutDirectory = full },
                            _ => options with { ProbePath = full },
                        };
                    }

                    break;
                default:
                    error.WriteLine($"bench: unknown argument '{arg}'\n{Usage}");
                    return null;
            }
        }

        return options with { OutDirectory = Path.GetFullPath(options.OutDirectory) };
    }
}
