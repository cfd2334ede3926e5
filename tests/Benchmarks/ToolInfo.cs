namespace MonitoramentoBKP.Benchmarks;

/// <summary>A comparison tool as found on this machine; <paramref name="Path"/> is null when it is not installed.</summary>
public sealed record ToolInfo(string Name, string? Path, string? Version);
