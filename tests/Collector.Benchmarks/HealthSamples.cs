namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>GET /api/health while a load ran: each request's latency (failures included, at the time they took), and how many failed.</summary>
public sealed record HealthSamples(LatencySummary Latency, int Failures, string? FirstFailure);
