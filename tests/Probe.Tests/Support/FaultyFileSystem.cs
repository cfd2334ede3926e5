using Microsoft.Win32.SafeHandles;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>
/// The real disk, with faults a Linux test machine cannot produce on its own: a Windows sharing violation,
/// an access refusal as seen by a non-root service account, a file that grows while it is read.
/// </summary>
public sealed class FaultyFileSystem : IFileSystem
{
    private readonly LocalFileSystem _inner = LocalFileSystem.Instance;

    /// <summary>Files whose open throws this exception (matched by file name).</summary>
    public Dictionary<string, Exception> OpenFaults { get; } = new(StringComparer.Ordinal);

    /// <summary>Folders whose listing throws this exception (matched by folder name).</summary>
    public Dictionary<string, Exception> ListFaults { get; } = new(StringComparer.Ordinal);

    /// <summary>Files that report a larger size on the second look at the open handle, as a file being written does.</summary>
    public HashSet<string> Growing { get; } = new(StringComparer.Ordinal);

    public int Opens { get; private set; }

    private readonly Dictionary<SafeFileHandle, (string Name, int Looks)> _handles = [];

    public IEnumerable<FileSystemItem> List(string directory) =>
        ListFaults.TryGetValue(Path.GetFileName(directory), out var e) ? throw e : _inner.List(directory);

    public FileSystemItem? Stat(string path) => _inner.Stat(path);

    public string DirectoryIdentity(string path, in FileSystemItem item) => _inner.DirectoryIdentity(path, item);

    public SafeFileHandle OpenRead(string path)
    {
        var name = Path.GetFileName(path);
        if (OpenFaults.TryGetValue(name, out var e))
        {
            throw e;
        }

        Opens++;
        var handle = _inner.OpenRead(path);
        lock (_handles)
        {
            _handles[handle] = (name, 0);
        }

        return handle;
    }

    public FileStamp Stamp(SafeFileHandle handle)
    {
        var stamp = _inner.Stamp(handle);
        lock (_handles)
        {
            var (name, looks) = _handles[handle];
            _handles[handle] = (name, looks + 1);
            return Growing.Contains(name) && looks > 0 ? stamp with { Size = stamp.Size + 4096 } : stamp;
        }
    }

    public VolumeSpace? Space(string path) => _inner.Space(path);

    /// <summary>The IOException Windows raises for ERROR_SHARING_VIOLATION.</summary>
    public static IOException SharingViolation() => new("The process cannot access the file because it is being used by another process.", unchecked((int)0x80070020));
}
