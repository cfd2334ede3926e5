using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Lists the files of a set. Links are followed (a backup folder is often a junction to another disk), but
/// every folder is entered once: a link back into an ancestor or to a folder already seen is recorded as
/// skipped, never looped on. Real folders are walked before linked ones, so a file inside the set is always
/// reported under its real path. An unreadable subfolder is recorded and the walk goes on.
/// </summary>
public sealed class DirectoryWalker(IFileSystem fileSystem)
{
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

        var files = new List<FileCandidate>();
        var skipped = new List<SkippedEntry>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { fileSystem.DirectoryIdentity(set.Root, rootItem.Value) };
        var pending = new Stack<(string Full, string Relative)>();
        var linked = new Queue<(string Full, string Relative, FileSystemItem Target)>();
        pending.Push((set.Root, ""));

        while (pending.Count > 0 || linked.Count > 0)
        {
            if (pending.Count == 0)
            {
                var (linkFull, linkRelative, target) = linked.Dequeue();
                if (!visited.Add(fileSystem.DirectoryIdentity(linkFull, target)))
                {
                    skipped.Add(new SkippedEntry { Path = linkRelative, Reason = new ProblemReport { Code = ProblemCode.LinkCycle } });
                    continue;
                }

                pending.Push((linkFull, linkRelative));
            }

            var (full, relative) = pending.Pop();
            List<FileSystemItem> items;
            try
            {
                items = [.. fileSystem.List(full)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var problem = Problems.From(e);
                if (relative.Length == 0)
                {
                    return new WalkResult(true, false, problem, [], []);
                }

                skipped.Add(new SkippedEntry { Path = relative, Reason = problem });
                continue;
            }

            foreach (var item in items)
            {
                var childFull = Path.Join(full, item.Name);
                var childRelative = relative.Length == 0 ? item.Name : relative + "/" + item.Name;
                var resolved = item;
                if (item.Kind == ItemKind.Link)
                {
                    var target = fileSystem.Stat(childFull);
                    if (target is null)
                    {
                        if (set.Contains(childRelative))
                        {
                            files.Add(new FileCandidate(childRelative, childFull, 0, item.LastWriteUtcTicks, 0)
                            {
                                Error = new ProblemReport { Code = ProblemCode.BrokenLink },
                            });
                        }

                        continue;
                    }

                    resolved = target.Value with { Name = item.Name };
                }

                switch (resolved.Kind)
                {
                    case ItemKind.Directory when set.Recurse && item.Kind == ItemKind.Link:
                        linked.Enqueue((childFull, childRelative, resolved));
                        break;
                    case ItemKind.Directory when set.Recurse:
                        if (!visited.Add(fileSystem.DirectoryIdentity(childFull, resolved)))
                        {
                            skipped.Add(new SkippedEntry { Path = childRelative, Reason = new ProblemReport { Code = ProblemCode.LinkCycle } });
                            continue;
                        }

                        pending.Push((childFull, childRelative));
                        break;
                    case ItemKind.File when set.Contains(childRelative):
                        files.Add(new FileCandidate(childRelative, childFull, resolved.Size, resolved.LastWriteUtcTicks, resolved.FileId));
                        break;
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new WalkResult(true, true, null, files, skipped);
    }
}
