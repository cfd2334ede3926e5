using MonitoramentoBKP.Collector.Identity;

namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>What the HTTP trigger hands over: the body as sent, and the headers that matter.</summary>
public sealed record IngestRequest
{
    public required Stream Body { get; init; }
    public string? ContentEncoding { get; init; }
    public long? ContentLength { get; init; }

    /// <summary>X-Bkp-Branch: must agree with the manifest's branch when present.</summary>
    public string? Branch { get; init; }

    /// <summary>
    /// The signature's checks that need the body as sent (digest, signature, nonce), run after it is read and before
    /// it is parsed, so nothing unauthenticated is parsed; the trigger always sets it (<see cref="ProbeAuthenticator"/>).
    /// </summary>
    public Func<ReadOnlyMemory<byte>, CancellationToken, Task<ProbeRefusal?>>? Verify { get; init; }

    /// <summary>X-Bkp-Sent-Utc: the probe's clock at sending, for clock-skew detection.</summary>
    public string? SentUtc { get; init; }
}
