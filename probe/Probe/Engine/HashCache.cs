using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// The probe's memory of what it hashed, so an unchanged file is not read again. Binary, grouped by set,
/// with a SHA-256 of its whole content at the end: a cache that was cut short, bit-flipped or written by
/// another version is detected, reported and rebuilt, never trusted. Saved to a temporary file and renamed
/// over the old one, so a crash mid-write leaves the previous cache intact.
/// </summary>
public sealed class HashCache
{
    public const string FileName = "hashcache.bin";
    private const int Version = 1;
    private static readonly byte[] Magic = "BKPHASHC"u8.ToArray();
    private static readonly Dictionary<string, CacheEntry> NoEntries = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Dictionary<string, CacheEntry>> _sets;

    public HashCache(Dictionary<string, Dictionary<string, CacheEntry>>? sets = null, DateTime? lastRunUtc = null)
    {
        _sets = sets ?? new Dictionary<string, Dictionary<string, CacheEntry>>(StringComparer.Ordinal);
        LastRunUtc = lastRunUtc;
    }

    public DateTime? LastRunUtc { get; }

    public int Count => _sets.Values.Sum(s => s.Count);

    /// <summary>The entries of one set, keyed by path relative to its root.</summary>
    public IReadOnlyDictionary<string, CacheEntry> Set(string setId) => _sets.GetValueOrDefault(setId) ?? NoEntries;

    public IEnumerable<(string SetId, string Path, CacheEntry Entry)> Entries =>
        _sets.SelectMany(s => s.Value.Select(e => (s.Key, e.Key, e.Value)));

    public static (HashCache Cache, CacheReport Report) Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (new HashCache(), new CacheReport { Status = CacheStatus.Missing });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new HashCache(), new CacheReport { Status = CacheStatus.Rebuilt, Detail = $"unreadable: {e.Message}" });
        }

        try
        {
            var cache = Parse(bytes);
            var touched = File.GetLastWriteTimeUtc(path);
            return (touched > cache.LastRunUtc ? new HashCache(cache._sets, touched) : cache, new CacheReport { Status = CacheStatus.Loaded });
        }
        catch (InvalidDataException e)
        {
            return (new HashCache(), new CacheReport { Status = CacheStatus.Rebuilt, Detail = e.Message });
        }
    }

    /// <summary>
    /// Records a run that changed nothing without rewriting the cache: the file's last-write time stands for
    /// the last run (the later of it and the header's time is taken on load).
    /// </summary>
    public static void MarkRun(string path, DateTime runUtc)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, runUtc);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the re-verification budget of the next run depends on it; it then assumes a longer gap.
        }
    }

    public void Save(string path, DateTime runUtc)
    {
        using var buffer = new MemoryStream(64 + (Count * 96));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(runUtc.Ticks);
            writer.Write(_sets.Count);
            Span<byte> hash = stackalloc byte[32];
            foreach (var (setId, entries) in _sets)
            {
                writer.Write(setId);
                writer.Write(entries.Count);
                foreach (var (relative, e) in entries)
                {
                    writer.Write(relative);
                    writer.Write(e.Size);
                    writer.Write(e.LastWriteUtcTicks);
                    writer.Write(e.FileId);
                    Convert.FromHexString(e.Sha256, hash, out _, out _);
                    writer.Write(hash);
                    writer.Write(e.VerifiedUtcTicks);
                    writer.Write((byte)e.Archive.Verdict);
                    writer.Write(e.Archive.Format ?? "");
                    writer.Write(e.Archive.Entries ?? -1);
                    writer.Write(e.Archive.Reason ?? "");
                }
            }
        }

        var checksum = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(checksum);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            MarkRun(path, runUtc);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static HashCache Parse(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 4 + 8 + 4 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a hash cache, or cut short");
        }

        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new InvalidDataException("checksum mismatch (truncated or corrupt)");
        }

        var reader = new SpanReader(body[Magic.Length..]);
        var version = reader.Int32();
        if (version != Version)
        {
            throw new InvalidDataException($"version {version}, expected {Version}");
        }

        var lastRun = new DateTime(reader.Int64(), DateTimeKind.Utc);
        var setCount = reader.Count();
        var sets = new Dictionary<string, Dictionary<string, CacheEntry>>(setCount, StringComparer.Ordinal);
        for (var s = 0; s < setCount; s++)
        {
            var setId = reader.String();
            var count = reader.Count();
            var entries = new Dictionary<string, CacheEntry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var relative = reader.String();
                var size = reader.Int64();
                var time = reader.Int64();
                var id = (ulong)reader.Int64();
                var sha = Convert.ToHexStringLower(reader.Bytes(32));
                var verified = reader.Int64();
                var verdict = (ArchiveVerdict)reader.Byte();
                var format = reader.String();
                var archiveEntries = reader.Int32();
                var reason = reader.String();
                var archive = verdict == ArchiveVerdict.NotArchive ? ArchiveReport.NotAnArchive : new ArchiveReport
                {
                    Verdict = verdict,
                    Format = format.Length == 0 ? null : format,
                    Entries = archiveEntries < 0 ? null : archiveEntries,
                    Reason = reason.Length == 0 ? null : reason,
                };
                entries[relative] = new CacheEntry(size, time, id, sha, verified, archive);
            }

            sets[setId] = entries;
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("trailing bytes after the last entry");
        }

        return new HashCache(sets, lastRun);
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, straight from the loaded bytes, without a stream or a copy per field.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly bool AtEnd => _at == _data.Length;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || _at + count > _data.Length)
            {
                throw new InvalidDataException("malformed entry: cut short");
            }

            var slice = _data.Slice(_at, count);
            _at += count;
            return slice;
        }

        public byte Byte() => Bytes(1)[0];

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        public int Count()
        {
            var count = Int32();
            return count >= 0 ? count : throw new InvalidDataException("malformed entry: negative count");
        }

        public string String()
        {
            // BinaryWriter's length prefix: 7 bits a byte, high bit set while more follow.
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException("malformed entry: bad string length");
                }

                var b = Byte();
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return length == 0 ? "" : Encoding.UTF8.GetString(Bytes(length));
        }
    }
}
