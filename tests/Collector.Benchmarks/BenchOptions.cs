using System.Globalization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>The command line of the collector benchmark; scripts/bench-collector supplies --out.</summary>
public sealed record BenchOptions
{
    public const string Usage =
        "bkp-collector-bench [--quick] [--out DIR] [--only SCENARIOS] [--probes N] [--manifests M] [--iterations N] [--rounds N] [--skip-ingest]\n" +
        "  --quick          a smoke run: fewer timed calls, 4 manifests per probe, 1 round of bombs\n" +
        "  --out DIR        where collector-bench.md and collector-bench.json are written (default ./bench-results)\n" +
        "  --only LIST      the scenarios to run, comma-separated: judging, ingest, bombs (default all three)\n" +
        "  --probes N       concurrent probes posting to the local host (default 50)\n" +
        "  --manifests M    manifests each probe posts in sequence, one per day (default 20, --quick 4; at most 30)\n" +
        "  --iterations N   most timed calls per in-process measurement (default 500, --quick 100)\n" +
        "  --rounds N       bombs: rounds of 8 concurrent bodies per load (default 3, --quick 1; at most 10)\n" +
        "  --skip-ingest    only the in-process measurements (no local host, no Azurite): the same as --only judging";

    public const string Judging = "judging";
    public const string Ingest = "ingest";
    public const string Bombs = "bombs";
    public const string Signing = "signing";

    private static readonly string[] AllScenarios = [Judging, Signing, Ingest, Bombs];

    /// <summary>The status page's day grid is 30 days long; every run must land on a day it shows, to be checked there.</summary>
    public const int MaxManifestsPerProbe = 30;

    /// <summary>The bombs scenario stays bounded in time: at most this many rounds per load.</summary>
    public const int MaxRounds = 10;

    public bool Quick { get; init; }
    public bool ShowHelp { get; init; }
    public bool SkipIngest { get; init; }
    public string OutDirectory { get; init; } = "bench-results";
    public int Probes { get; init; } = 50;
    public int? ManifestsPerProbeGiven { get; init; }
    public int? IterationsGiven { get; init; }
    public int? RoundsGiven { get; init; }

    /// <summary>Null: every scenario (less ingest and bombs with --skip-ingest).</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public bool Runs(string scenario) =>
        Only?.Contains(scenario) ?? (scenario == Judging || !SkipIngest);

    /// <summary>The options given besides --quick and --out, as the report's command line repeats them.</summary>
    public string Arguments => string.Join(' ', new[]
    {
        Only is null ? null : $"--only {string.Join(',', Only.Order(StringComparer.Ordinal))}",
        SkipIngest && Only is null ? "--skip-ingest" : null,
        Probes != 50 ? $"--probes {Probes}" : null,
        ManifestsPerProbeGiven is { } m ? $"--manifests {m}" : null,
        IterationsGiven is { } i ? $"--iterations {i}" : null,
        RoundsGiven is { } r ? $"--rounds {r}" : null,
    }.OfType<string>());

    public int ManifestsPerProbe => ManifestsPerProbeGiven ?? (Quick ? 4 : 20);
    public int Rounds => RoundsGiven ?? (Quick ? 1 : 3);
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
                case "--only":
                    var names = i + 1 < args.Count ? args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                    var unknown = names.FirstOrDefault(n => !AllScenarios.Contains(n));
                    if (names.Length == 0 || unknown is not null)
                    {
                        error.WriteLine($"bench-collector: --only needs scenario names from {string.Join(", ", AllScenarios)}{(unknown is null ? "" : $"; '{unknown}' is not one")}\n{Usage}");
                        return null;
                    }

                    options = options with { Only = names.ToHashSet(StringComparer.Ordinal) };
                    break;
                case "--probes" or "--manifests" or "--iterations" or "--rounds":
                    var max = arg switch { "--manifests" => MaxManifestsPerProbe, "--rounds" => MaxRounds, _ => 100_000 };
                    if (i + 1 >= args.Count || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
                    {
                        error.WriteLine($"bench-collector: {arg} needs a whole number from 1 to {max}\n{Usage}");
                        return null;
                    }

                    options = arg switch
                    {
                        "--probes" => options with { Probes = n },
                        "--manifests" => options with { ManifestsPerProbeGiven = n },
                        "--rounds" => options with { RoundsGiven = n },
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
