namespace MonitoramentoBKP.Collector.Registry;

/// <summary>The index as read, with the version (an ETag) a switch must still find to replace it.</summary>
public sealed record StoredRegistryIndex(RegistryIndex Index, string Version);
