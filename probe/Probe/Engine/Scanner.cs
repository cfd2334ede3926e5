using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// One inventory of every configured set: list, decide what must be read (new, changed, due for
/// re-verification), read it in two lanes (many small files at once; large files one by one by default, so a
/// spinning disk reads sequentially), and assemble the manifest and the next cache.
/// </summary>
public sealed class Scanner(IFileSystem fileSystem, TimeProvider time)
{
    private enum Reason
    {
        New,
        Reverify,
    }

    private sealed record Work(int Set, int File, FileCandidate Candidate, Reason Reason, CacheEntry? Previous)
    {
        public HashOutcome? Outcome { get; set; }
    }

    /// <summary>Scans every set; the cache may still be loading while the folders are walked.</summary>
    public ScanResult Scan(ProbeConfig config, Task<(HashCache Cache, CacheReport Report)> loadingCache, ScanOptions options, ScanProgress progress)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var clock = time.GetTimestamp();
        var walker = new DirectoryWalker(fileSystem, config.Parallel);
        var walks = config.Sets.Select(walker.Walk).ToArray();
        var walked = time.GetElapsedTime(clock);
        var (cache, cacheReport) = loadingCache.GetAwaiter().GetResult();

        // Per set, per file (by index in the walk): the cache entry that still matches, and the work to do.
        var knownBySet = new CacheEntry?[walks.Length][];
        var workBySet = new Work?[walks.Length][];
        var work = new List<Work>();
        var known = new List<(int Set, int File, CacheEntry Entry)>();
        for (var s = 0; s < walks.Length; s++)
        {
            var files = walks[s].Files;
            var entries = cache.Set(config.Sets[s].Id);
            knownBySet[s] = new CacheEntry?[files.Count];
            workBySet[s] = new Work?[files.Count];
            for (var f = 0; f < files.Count; f++)
            {
                var candidate = files[f];
                if (candidate.Error is not null)
                {
                    continue;
                }

                if (entries.TryGetValue(candidate.RelativePath, out var entry) && entry.Matches(candidate))
                {
                    known.Add((s, f, entry));
                    knownBySet[s][f] = entry;
                }
                else
                {
                    var item = new Work(s, f, candidate, Reason.New, null);
                    work.Add(item);
                    workBySet[s][f] = item;
                }
            }
        }

        var reverify = options.VerifyAll
            ? Enumerable.Range(0, known.Count).ToList()
            : ReverifyPlanner.Select(
                known.Select(k => (k.Entry.Size, k.Entry.VerifiedUtcTicks)).ToList(),
                config.ReverifyBudgetBytes ?? ReverifyPlanner.DefaultBudget(known.Sum(k => k.Entry.Size), cache.LastRunUtc, started, config.ReverifyPeriod),
                started,
                config.ReverifyPeriod);
        foreach (var i in reverify)
        {
            var (s, f, entry) = known[i];
            var item = new Work(s, f, walks[s].Files[f], Reason.Reverify, entry);
            work.Add(item);
            workBySet[s][f] = item;
        }

        progress.FilesToHash = work.Count;
        progress.BytesToHash = work.Sum(w => w.Candidate.Size);
        var hashStart = time.GetTimestamp();
        Execute(work, config, progress);
        var hashing = time.GetElapsedTime(hashStart);

        // The wall clock may step back during a run (a time sync); a run never finishes before it started.
        var now = time.GetUtcNow().UtcDateTime;
        var finished = now < started ? started : now;
        var next = new Dictionary<string, Dictionary<string, CacheEntry>>(StringComparer.Ordinal);
        var reports = new List<BackupSetReport>(walks.Length);
        for (var s = 0; s < walks.Length; s++)
        {
            var set = config.Sets[s];
            var walk = walks[s];
            var nextEntries = new Dictionary<string, CacheEntry>(walk.Files.Count, StringComparer.Ordinal);
            next[set.Id] = nextEntries;
            var files = new List<FileReport>(walk.Files.Count);
            long total = 0;
            for (var f = 0; f < walk.Files.Count; f++)
            {
                var report = Report(walk.Files[f], workBySet[s][f], knownBySet[s][f], finished, nextEntries);
                total += report.Size;
                files.Add(report);
            }

            var space = walk.Exists ? fileSystem.Space(set.Root) : null;
            reports.Add(new BackupSetReport
            {
                Id = set.Id,
                RootPath = set.Root,
                Exists = walk.Exists,
                Readable = walk.Readable,
                Error = walk.Error,
                FileCount = files.Count,
                TotalBytes = total,
                VolumeFreeBytes = space?.FreeBytes,
                VolumeTotalBytes = space?.TotalBytes,
                Files = files,
                Skipped = walk.Skipped,
            });
        }

        var manifest = ManifestFitter.Fit(new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            RunId = options.RunId ?? Guid.CreateVersion7(),
            BranchId = config.BranchId,
            ProbeVersion = options.ProbeVersion,
            HostName = Environment.MachineName,
            Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            StartedUtc = started,
            FinishedUtc = finished,
            Cache = cacheReport,
            Sets = reports,
            Update = Update.UpdateStore.ReadReport(config.StateDirectory),
        });

        var hashed = work.Where(w => w.Outcome?.Sha256 is not null).ToList();
        var statistics = new ScanStatistics(
            walks.Sum(w => w.Files.Count),
            hashed.Count,
            hashed.Sum(w => w.Outcome!.Size),
            known.Count - reverify.Count,
            reverify.Count,
            progress.BytesRead,
            time.GetElapsedTime(clock))
        {
            Walk = walked,
            Hash = hashing,
        };
        // Nothing read and nothing gone: the cache on disk is already the next one.
        var cacheChanged = work.Count > 0 || known.Count != cache.Count;
        return new ScanResult(manifest, new HashCache(next), statistics, cacheChanged);
    }

    /// <summary>One file's line in the manifest, from what was read this run or what the cache knew; records what the next cache keeps.</summary>
    private static FileReport Report(FileCandidate candidate, Work? work, CacheEntry? known, DateTime finished, Dictionary<string, CacheEntry> next)
    {
        if (work?.Outcome is { } o)
        {
            if (o.Sha256 is not null)
            {
                next[candidate.RelativePath] = new CacheEntry(o.Size, o.LastWriteUtcTicks, candidate.FileId, o.Sha256, finished.Ticks, o.Archive);
            }
            else if (work.Previous is not null)
            {
                next[candidate.RelativePath] = work.Previous;
            }

            return new FileReport
            {
                Path = candidate.RelativePath,
                Size = o.Size,
                LastWriteUtc = Utc(o.LastWriteUtcTicks),
                Sha256 = o.Sha256,
                HashedThisRun = o.Sha256 is not null,
                VerifiedUtc = o.Sha256 is not null ? finished : work.Previous is { } p ? Utc(p.VerifiedUtcTicks) : null,
                PreviousSha256 = work.Previous is { } prev && o.Sha256 is not null && o.Sha256 != prev.Sha256 ? prev.Sha256 : null,
                Archive = o.Archive,
                Error = o.Error,
            };
        }

        if (known is not null)
        {
            next[candidate.RelativePath] = known;
            return new FileReport
            {
                Path = candidate.RelativePath,
                Size = candidate.Size,
                LastWriteUtc = Utc(candidate.LastWriteUtcTicks),
                Sha256 = known.Sha256,
                HashedThisRun = false,
                VerifiedUtc = Utc(known.VerifiedUtcTicks),
                Archive = known.Archive,
            };
        }

        return new FileReport
        {
            Path = candidate.RelativePath,
            Size = candidate.Size,
            LastWriteUtc = Utc(candidate.LastWriteUtcTicks),
            HashedThisRun = false,
            Archive = ArchiveReport.NotTested,
            Error = candidate.Error,
        };
    }

    private void Execute(List<Work> work, ProbeConfig config, ScanProgress progress)
    {
        var small = work.Where(w => w.Candidate.Size < config.LargeFileThreshold).ToArray();
        var large = work.Where(w => w.Candidate.Size >= config.LargeFileThreshold).ToArray();
        var hasher = new FileHasher(fileSystem, progress);
        var largeLane = Task.Factory.StartNew(() => RunLane(large, config.LargeFileParallel, hasher, progress), TaskCreationOptions.LongRunning);
        RunLane(small, config.Parallel, hasher, progress);
        largeLane.GetAwaiter().GetResult();
    }

    private static void RunLane(Work[] items, int degree, FileHasher hasher, ScanProgress progress)
    {
        if (items.Length == 0)
        {
            return;
        }

        var next = -1;
        var workers = Math.Min(degree, items.Length);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            using var worker = new HashWorker();
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Length)
            {
                items[i].Outcome = hasher.Hash(items[i].Candidate, worker);
                progress.FileDone();
            }
        });
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
