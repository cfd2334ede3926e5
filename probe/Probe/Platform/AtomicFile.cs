namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// A small file written whole or not at all: to a temporary name beside it, flushed to disk, then renamed over the
/// old one, so a crash or a full disk leaves the old file or the new one, never half of one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>; throws IOException/UnauthorizedAccessException with nothing left behind.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>As <see cref="Write"/>, for what only helps (a cache, a log): a failure costs nothing but the file.</summary>
    public static bool TryWrite(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            Write(path, bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
