using System.Globalization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>The command line of the collector benchmark; scripts/bench-collector supplies --out.</summary>
public sealed record BenchOptions
{
    public const string Usage =
        "bkp-collector-bench [--quick] [--out DIR] [--probes N] [--manifests M] [--iterations N] [--skip-ingest]\n" +
        "  --quick          a smoke run: fewer timed calls, 4 manifests per probe\n" +
        "  --out DIR        where collector-bench.md and collector-bench.json are written (default ./bench-results)\n" +
        "  --probes N       concurrent probes posting to the local host (default 50)\n" +
        "  --manifests M    manifests each probe posts in sequence, one per day (default 20, --quick 4; at most 30)\n" +
        "  --iterations N   most timed calls per in-process measurement (default 500, --quick 100)\n" +
        "  --skip-ingest    only the in-process measurements (no local host, no Azurite)";

    /// <summary>The status page's day grid is 30 days long; every run must land on a day it shows, to be checked there.</summary>
    public const int MaxManifestsPerProbe = 30;

    public bool Quick { get; init; }
    public bool ShowHelp { get; init; }
    public bool SkipIngest { get; init; }
    public string OutDirectory { get; init; } = "bench-results";
    public int Probes { get; init; } = 50;
    public int? ManifestsPerProbeGiven { get; init; }
    public int? IterationsGiven { get; init; }

    public int ManifestsPerProbe => ManifestsPerProbeGiven ?? (Quick ? 4 : 20);
    public int Iterations => IterationsGiven ?? (Quick ? 100 : 500);

    /// <summary>Wall-clock time one in-process measurement may take once warm; the iteration count shrinks to fit it.</summary>
    public TimeSpan MeasureBudget => Quick ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromSeconds(6);

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
                case "--skip-ingest":
                    options = options with { SkipIngest = true };
                    break;
                case "-h" or "--help":
                    options = options with { ShowHelp = true };
                    break;
                case "--out":
                    if (i + 1 >= args.Count)
                    {
                        error.WriteLine($"bench-collector: --out needs a value\n{Usage}");
                        return null;
                    }

                    options = options with { OutDirectory = args[++i] };
                    break;
                case "--probes" or "--manifests" or "--iterations":
                    var max = arg == "--manifests" ? MaxManifestsPerProbe : 100_000;
                    if (i + 1 >= args.Count || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
                    {
                        error.WriteLine($"bench-collector: {arg} needs a whole number from 1 to {max}\n{Usage}");
                        return null;
                    }

                    options = arg switch
                    {
                        "--probes" => options with { Probes = n },
                        "--manifests" => options with { ManifestsPerProbeGiven = n },
                        _ => options with { IterationsGiven = n },
                    };
                    break;
                default:
                    error.WriteLine($"bench-collector: unknown argument '{arg}'\n{Usage}");
                    return null;
            }
        }

        return options with { OutDirectory = Path.GetFullPath(options.OutDirectory) };
    }
}
