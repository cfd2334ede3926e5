namespace MonitoramentoBKP.Collector.Reading;

/// <summary>How many branches run one probe version.</summary>
public sealed record VersionCount(string Version, int Branches);
