using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Output;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// The branch-side outbox, <c>&lt;state&gt;/spool/</c>: every manifest is written here (gzip, under a temporary name,
/// then renamed) before it is sent, and deleted only once the collector has taken it, so a collector that is down
/// or a probe that is killed loses nothing. Past its <see cref="SpoolLimits"/> the oldest entries are dropped and
/// recorded in <c>dropped.json</c> (<see cref="SpoolDropRecord"/>), which the next manifests carry to the collector.
/// Entries the collector refused go to <c>refused/</c>, the newest <see cref="MaxRefused"/> kept. One run at a time
/// (the caller holds the spool's lock); reading the <see cref="Status"/> needs no lock.
/// </summary>
public sealed class Spool(string stateDirectory, SpoolLimits limits, ISpoolDisk disk)
{
    public const string FolderName = "spool";
    public const string RefusedFolderName = "refused";
    public const string DropRecordName = "dropped.json";
    public const int MaxRefused = 20;

    private const string TemporaryExtension = ".tmp";

    /// <summary>Room kept for the drop record a rewritten entry gains: a few hundred bytes of JSON, compressed.</summary>
    private const long DropRecordAllowance = 1024;

    public string Folder { get; } = FolderOf(stateDirectory);

    private string RefusedFolder => Path.Combine(Folder, RefusedFolderName);
    private string DropRecordPath => Path.Combine(Folder, DropRecordName);

    public static string FolderOf(string stateDirectory) => Path.Combine(stateDirectory, FolderName);

    /// <summary>Tidies after a run that was killed: temporary files are deleted (never sent), an interrupted drop is finished.</summary>
    public void Tidy()
    {
        Directory.CreateDirectory(Folder);
        foreach (var temporary in Directory.EnumerateFiles(Folder, "*" + TemporaryExtension))
        {
            File.Delete(temporary);
        }

        foreach (var name in ReadRecord(DropRecordPath)?.Dropping ?? [])
        {
            File.Delete(Path.Combine(Folder, name));
        }
    }

    /// <summary>The entries waiting to be delivered, oldest first.</summary>
    public IReadOnlyList<SpoolEntry> Waiting() => Entries(Folder, null);

    /// <summary>
    /// Writes the new manifest into the spool, carrying the pending drop record, after dropping the oldest entries
    /// its room needs (recorded first). On any failure (a full disk) nothing changed: no entry was dropped and no
    /// partial entry remains; the exception says why.
    /// </summary>
    public SpoolAdded Add(Manifest manifest)
    {
        Directory.CreateDirectory(Folder);
        var record = ReadRecord(DropRecordPath);
        var waiting = Entries(Folder, null);
        var name = SpoolEntry.NameOf(manifest);
        var final = Path.Combine(Folder, name);
        var temporary = final + TemporaryExtension;

        var dropCount = Math.Max(0, waiting.Count + 1 - limits.MaxEntries);
        try
        {
            var carried = dropCount > 0 ? SpoolDropRecord.With(record, waiting.Take(dropCount).ToList()) : record;
            var length = Write(manifest, carried, temporary);
            var kept = waiting.Skip(dropCount).Sum(e => e.Length);
            var byteDrops = 0;
            while (dropCount + byteDrops < waiting.Count && kept + length + DropRecordAllowance > limits.MaxBytes)
            {
                kept -= waiting[dropCount + byteDrops].Length;
                byteDrops++;
            }

            if (byteDrops > 0)
            {
                // The entry must carry the drops made to room it: written again with the grown record.
                dropCount += byteDrops;
                carried = SpoolDropRecord.With(record, waiting.Take(dropCount).ToList());
                File.Delete(temporary);
                Write(manifest, carried, temporary);
            }

            var dropped = waiting.Take(dropCount).ToList();
            if (carried is not null)
            {
                WriteRecord(carried with { Carriers = [.. carried.Carriers, new SpoolCarrier(name, carried.Count)] });
            }

            foreach (var entry in dropped)
            {
                File.Delete(entry.Path);
            }

            File.Move(temporary, final);
            var added = SpoolEntry.Parse(new FileInfo(final))!;
            return new SpoolAdded(added, dropped.Count == 0 ? null : SpoolDropRecord.With(null, dropped).Report);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The collector took the entry: it goes, and so does the drop record when the entry carried all of it.</summary>
    /// <remarks>
    /// Failing to tidy is safe, so it is not an error: an entry left behind is sent again by the next run (the collector
    /// answers 200, already taken), and a record left whole is reported again.
    /// </remarks>
    public void Delivered(SpoolEntry entry)
    {
        try
        {
            File.Delete(entry.Path);
            if (ReadRecord(DropRecordPath) is not { } record || record.Carriers.FirstOrDefault(c => c.Entry == entry.Name) is not { } carrier)
            {
                return;
            }

            if (carrier.Count >= record.Count)
            {
                File.Delete(DropRecordPath);
            }
            else
            {
                // Drops made after this entry was written are reported by a later one.
                WriteRecord(record with { Carriers = [.. record.Carriers.Where(c => c != carrier)] });
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // See the remarks.
        }
    }

    /// <summary>
    /// The collector refused the entry: it is moved to refused/ (the oldest there beyond <see cref="MaxRefused"/>
    /// deleted) and is no longer sent; what it carried of the drop record is reported by the next manifest. Returns where it went.
    /// </summary>
    public string SetAside(SpoolEntry entry)
    {
        Directory.CreateDirectory(RefusedFolder);
        var destination = Path.Combine(RefusedFolder, entry.Name);
        File.Move(entry.Path, destination, overwrite: true);
        foreach (var old in Entries(RefusedFolder, null).SkipLast(MaxRefused))
        {
            File.Delete(old.Path);
        }

        if (ReadRecord(DropRecordPath) is { } record && record.Carriers.Any(c => c.Entry == entry.Name))
        {
            WriteRecord(record with { Carriers = [.. record.Carriers.Where(c => c.Entry != entry.Name)] });
        }

        return destination;
    }

    /// <summary>What the spool of a state folder holds, read without changing anything (another run may be working on it).</summary>
    public static SpoolStatus Status(string stateDirectory)
    {
        var folder = FolderOf(stateDirectory);
        var record = ReadRecord(Path.Combine(folder, DropRecordName));
        var waiting = Entries(folder, record?.Dropping.ToHashSet(StringComparer.Ordinal));
        return new SpoolStatus
        {
            Count = waiting.Count,
            OldestFinishedUtc = waiting.Count > 0 ? waiting[0].FinishedUtc : null,
            TotalBytes = waiting.Sum(e => e.Length),
            RefusedCount = Entries(Path.Combine(folder, RefusedFolderName), null).Count,
            PendingDrop = record?.Report,
        };
    }

    /// <summary>The entries of a folder, oldest first; none when it does not exist.</summary>
    private static List<SpoolEntry> Entries(string folder, HashSet<string>? except)
    {
        var directory = new DirectoryInfo(folder);
        if (!directory.Exists)
        {
            return [];
        }

        return directory.EnumerateFiles("*" + SpoolEntry.Extension)
            .Where(f => except is null || !except.Contains(f.Name))
            .Select(SpoolEntry.Parse)
            .OfType<SpoolEntry>()
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The manifest as it is sent (gzip JSON), carrying the drop record; returns its length.</summary>
    private long Write(Manifest manifest, SpoolDropRecord? record, string path)
    {
        var carrying = manifest with { SpoolDropped = record?.Report };
        disk.WriteNew(path, file =>
        {
            using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            ManifestWriter.Write(carrying, gzip);
        });
        return new FileInfo(path).Length;
    }

    private void WriteRecord(SpoolDropRecord record)
    {
        var temporary = DropRecordPath + TemporaryExtension;
        try
        {
            disk.WriteNew(temporary, file => JsonSerializer.Serialize(file, record, SpoolJsonContext.Default.SpoolDropRecord));
            File.Move(temporary, DropRecordPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The drop record; null when there is none. It is only ever written whole (by rename), so one that cannot be read
    /// was damaged from outside: an <see cref="InvalidDataException"/> names it rather than a count being guessed.
    /// </summary>
    private static SpoolDropRecord? ReadRecord(string path)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (file)
        {
            try
            {
                return JsonSerializer.Deserialize(file, SpoolJsonContext.Default.SpoolDropRecord)
                    ?? throw new JsonException("null instead of a record");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: not a drop record ({e.Message})", e);
            }
        }
    }
}
