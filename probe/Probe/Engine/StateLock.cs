namespace MonitoramentoBKP.Probe.Engine;

/// <summary>Holds the state directory for one run, so two runs (a scheduled one and a manual one) never write the cache at once.</summary>
public sealed class StateLock : IDisposable
{
    private readonly FileStream _stream;

    private StateLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null when another run holds it.</summary>
    public static StateLock? TryAcquire(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        try
        {
            return new StateLock(new FileStream(Path.Combine(stateDirectory, "probe.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
