using System.Collections.Concurrent;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Lists every real folder under a root on several threads at once (a listing is mostly stat calls, which
/// the kernel serves in parallel), so the walker that orders the results finds each listing ready. Links
/// are not entered here; the walker lists what they lead to itself.
/// </summary>
public sealed class FolderPrefetcher(IFileSystem fileSystem)
{
    public readonly record struct Listing(List<FileSystemItem>? Items, Exception? Error);

    public ConcurrentDictionary<string, Listing> ListAll(string root, int degree, Comparison<FileSystemItem> order)
    {
        var listings = new ConcurrentDictionary<string, Listing>(StringComparer.Ordinal);
        var pending = new ConcurrentStack<string>();
        pending.Push(root);
        var outstanding = 1;
        var workers = Math.Max(1, degree);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref outstanding) > 0)
            {
                if (!pending.TryPop(out var folder))
                {
                    spin.SpinOnce();
                    continue;
                }

                try
                {
                    var listed = fileSystem.List(folder);
                    var items = listed as List<FileSystemItem> ?? [.. listed];
                    items.Sort(order);
                    listings[folder] = new Listing(items, null);
                    foreach (var item in items)
                    {
                        if (item.Kind == ItemKind.Directory)
                        {
                            Interlocked.Increment(ref outstanding);
                            pending.Push(Path.Join(folder, item.Name));
                        }
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    listings[folder] = new Listing(null, e);
                }

                Interlocked.Decrement(ref outstanding);
            }
        });
        return listings;
    }
}
