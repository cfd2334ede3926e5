namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>What checking one signed probe request costs, in-process, and its share of the ingest run's host CPU when that ran.</summary>
public sealed record SigningResult
{
    public required int Iterations { get; init; }
    public required int BodyBytes { get; init; }

    /// <summary>The whole check as ReceiveManifest runs it: parse, key lookup, times, digest of the body, ECDSA verify, nonce.</summary>
    public required LatencySummary FullUs { get; init; }

    /// <summary>ECDSA P-256 verification of the signature base alone.</summary>
    public required LatencySummary VerifyUs { get; init; }

    /// <summary>SHA-256 of the body for Content-Digest alone.</summary>
    public required LatencySummary DigestUs { get; init; }

    /// <summary>Host CPU per manifest in the ingest run (ms); null when it did not run.</summary>
    public double? IngestHostCpuMsPerManifest { get; set; }

    /// <summary>Ingest throughput with the check relative to without it, from the check's share of host CPU per manifest.</summary>
    public double? Ratio { get; set; }
}
