using System.Globalization;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Lists the files of a set, in ordinal order of their relative paths without a final sort: each folder is
/// sorted as it is read and entered depth-first. Links are followed (a backup folder is often a junction to
/// another disk), but every folder is entered once: a link back into an ancestor or to a folder already seen
/// is recorded as skipped, never looped on. Real folders are walked before linked ones, so a file inside the
/// set is always reported under its real path. An unreadable subfolder is recorded and the walk goes on. A set
/// with more files or skipped folders than a manifest carries is not listed at all: the walk stops there and
/// the set is reported unreadable, saying why, rather than sent as a manifest the collector would refuse.
/// </summary>
public sealed class DirectoryWalker(IFileSystem fileSystem, int parallel = 1, int maxFiles = ManifestLimits.MaxFilesPerSet, int maxSkipped = ManifestLimits.MaxSkippedPerSet)
{
    private IReadOnlyDictionary<string, FolderPrefetcher.Listing>? _prefetched;

    private sealed class Frame(string full, string relative, List<FileSystemItem> items)
    {
        public string Full { get; } = full;
        public string Relative { get; } = relative;
        public List<FileSystemItem> Items { get; } = items;
        public int Next { get; set; }
    }

    public WalkResult Walk(BackupSetConfig set)
    {
        var rootItem = fileSystem.Stat(set.Root);
        if (rootItem is null)
        {
            return new WalkResult(false, false, new ProblemReport { Code = ProblemCode.NotFound }, [], []);
        }

        if (rootItem.Value.Kind != ItemKind.Directory)
        {
            return new WalkResult(true, false, new ProblemReport { Code = ProblemCode.IoError, Detail = "not a folder" }, [], []);
        }

        if (set.Recurse && parallel > 1)
        {
            _prefetched = new FolderPrefetcher(fileSystem).ListAll(set.Root, parallel, PathOrder);
        }

        List<FileSystemItem> rootItems;
        try
        {
            rootItems = List(set.Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WalkResult(true, false, Problems.From(e), [], []);
        }

        var files = new List<FileCandidate>();
        var skipped = new List<SkippedEntry>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { fileSystem.DirectoryIdentity(set.Root, rootItem.Value) };
        var linked = new Queue<(string Full, string Relative, FileSystemItem Target)>();
        var stack = new Stack<Frame>();
        stack.Push(new Frame(set.Root, "", rootItems));

        while (true)
        {
            if (files.Count > maxFiles || skipped.Count > maxSkipped)
            {
                _prefetched = null;
                return new WalkResult(true, false, new ProblemReport { Code = ProblemCode.IoError, Detail = TooMany(files.Count > maxFiles) }, [], []);
            }

            if (stack.Count == 0)
            {
                if (linked.Count == 0)
                {
                    break;
                }

                var (linkFull, linkRelative, target) = linked.Dequeue();
                if (visited.Add(fileSystem.DirectoryIdentity(linkFull, target)))
                {
                    Enter(linkFull, linkRelative);
                }
                else
                {
                    skipped.Add(new SkippedEntry { Path = linkRelative, Reason = new ProblemReport { Code = ProblemCode.LinkCycle } });
                }

                continue;
            }

            var frame = stack.Peek();
            if (frame.Next == frame.Items.Count)
            {
                stack.Pop();
                continue;
            }

            var item = frame.Items[frame.Next++];
            var childRelative = frame.Relative.Length == 0 ? item.Name : frame.Relative + "/" + item.Name;
            if (item.Kind == ItemKind.File)
            {
                if (set.Contains(childRelative))
                {
                    files.Add(new FileCandidate(childRelative, frame.Full, item.Name, item.Size, item.LastWriteUtcTicks, item.FileId));
                }

                continue;
            }

            var childFull = Path.Join(frame.Full, item.Name);
            var resolved = item;
            if (item.Kind == ItemKind.Link)
            {
                var target = fileSystem.Stat(childFull);
                if (target is null)
                {
                    if (set.Contains(childRelative))
                    {
                        files.Add(new FileCandidate(childRelative, frame.Full, item.Name, 0, item.LastWriteUtcTicks, 0)
                        {
                            Error = new ProblemReport { Code = ProblemCode.BrokenLink },
                        });
                    }

                    continue;
                }

                resolved = target.Value;
            }

            switch (resolved.Kind)
            {
                case ItemKind.Directory when set.Recurse && item.Kind == ItemKind.Link:
                    linked.Enqueue((childFull, childRelative, resolved));
                    break;
                case ItemKind.Directory when set.Recurse:
                    if (visited.Add(fileSystem.DirectoryIdentity(childFull, resolved)))
                    {
                        Enter(childFull, childRelative);
                    }
                    else
                    {
                        skipped.Add(new SkippedEntry { Path = childRelative, Reason = new ProblemReport { Code = ProblemCode.LinkCycle } });
                    }

                    break;
                case ItemKind.File when set.Contains(childRelative):
                    files.Add(new FileCandidate(childRelative, frame.Full, item.Name, resolved.Size, resolved.LastWriteUtcTicks, resolved.FileId));
                    break;
            }
        }

        _prefetched = null;
        skipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new WalkResult(true, true, null, files, skipped);

        void Enter(string full, string relative)
        {
            try
            {
                stack.Push(new Frame(full, relative, List(full)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedEntry { Path = relative, Reason = Problems.From(e) });
            }
        }
    }

    private string TooMany(bool files) => files
        ? string.Create(CultureInfo.InvariantCulture, $"the set holds more than {maxFiles:N0} files, more than a manifest carries; narrow its folder or include patterns")
        : string.Create(CultureInfo.InvariantCulture, $"the set holds more than {maxSkipped:N0} folders or links that could not be entered, more than a manifest carries");

    private List<FileSystemItem> List(string directory)
    {
        if (_prefetched is not null && _prefetched.TryGetValue(directory, out var ready))
        {
            return ready.Items ?? throw ready.Error!;
        }

        var listed = fileSystem.List(directory);
        var items = listed as List<FileSystemItem> ?? [.. listed];
        items.Sort(PathOrder);
        return items;
    }

    /// <summary>
    /// Orders names as their full relative paths compare ordinally: a folder sorts as if its name ended in '/',
    /// so walking sorted folders depth-first yields files in path order with no sort of the whole list.
    /// </summary>
    private static int PathOrder(FileSystemItem a, FileSystemItem b)
    {
        var length = Math.Min(a.Name.Length, b.Name.Length);
        var common = string.CompareOrdinal(a.Name, 0, b.Name, 0, length);
        if (common != 0)
        {
            return common;
        }

        var x = a.Name.Length > length ? a.Name[length] : a.Kind == ItemKind.Directory ? '/' : '\0';
        var y = b.Name.Length > length ? b.Name[length] : b.Kind == ItemKind.Directory ? '/' : '\0';
        return x.CompareTo(y);
    }
}
