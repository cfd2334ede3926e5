using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>Counters the hashing threads bump and the progress line reads; also what the benchmark counts (content bytes read).</summary>
public sealed class ScanProgress
{
    private long _filesDone;
    private long _bytesRead;
    private long _firstByteTimestamp;

    public long FilesToHash { get; set; }
    public long BytesToHash { get; set; }
    public long FilesDone => Interlocked.Read(ref _filesDone);

    /// <summary>File content bytes read by this run (zero on a re-scan where nothing changed).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary><see cref="Stopwatch"/> timestamp of the first content byte hashed, 0 if none.</summary>
    public long FirstByteTimestamp => Interlocked.Read(ref _firstByteTimestamp);

    /// <summary>Wall-clock time of the first content byte hashed, for the start-up benchmark.</summary>
    public DateTime? FirstByteUtc { get; private set; }

    public void AddBytes(int count)
    {
        if (Interlocked.Add(ref _bytesRead, count) == count && Interlocked.CompareExchange(ref _firstByteTimestamp, Stopwatch.GetTimestamp(), 0) == 0)
        {
            FirstByteUtc = DateTime.UtcNow;
        }
    }

    public void FileDone() => Interlocked.Increment(ref _filesDone);
}
