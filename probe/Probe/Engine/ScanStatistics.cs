namespace MonitoramentoBKP.Probe.Engine;

public sealed record ScanStatistics(int FilesListed, int FilesHashed, long BytesHashed, int FilesFromCache, int FilesReverified, long ContentBytesRead, TimeSpan Elapsed);
