namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>What a run's delivery of the spool did: each entry tried, in order, and how many remain unsent (the one that failed included).</summary>
public sealed record SpoolRun(IReadOnlyList<SpoolSent> Sent, int LeftUnsent);
