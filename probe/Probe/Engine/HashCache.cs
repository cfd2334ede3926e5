using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// The probe's memory of what it hashed, so an unchanged file is not read again. Binary, with a SHA-256 of
/// its whole content at the end: a cache that was cut short, bit-flipped or written by another version is
/// detected, reported and rebuilt, never trusted. Saved to a temporary file and renamed over the old one,
/// so a crash mid-write leaves the previous cache intact.
/// </summary>
public sealed class HashCache
{
    public const string FileName = "hashcache.bin";
    private const int Version = 1;
    private static readonly byte[] Magic = "BKPHASHC"u8.ToArray();

    private readonly Dictionary<string, CacheEntry> _entries;

    public HashCache(Dictionary<string, CacheEntry>? entries = null, DateTime? lastRunUtc = null)
    {
        _entries = entries ?? new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        LastRunUtc = lastRunUtc;
    }

    public DateTime? LastRunUtc { get; }

    public int Count => _entries.Count;

    public static string Key(string setId, string relativePath) => setId + "\n" + relativePath;

    public bool TryGet(string setId, string relativePath, out CacheEntry entry) =>
        _entries.TryGetValue(Key(setId, relativePath), out entry!);

    public IEnumerable<KeyValuePair<string, CacheEntry>> Entries => _entries;

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
            return (Parse(bytes), new CacheReport { Status = CacheStatus.Loaded });
        }
        catch (InvalidDataException e)
        {
            return (new HashCache(), new CacheReport { Status = CacheStatus.Rebuilt, Detail = e.Message });
        }
    }

    public void Save(string path, DateTime runUtc)
    {
        using var buffer = new MemoryStream(64 + (_entries.Count * 128));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(runUtc.Ticks);
            writer.Write(_entries.Count);
            Span<byte> hash = stackalloc byte[32];
            foreach (var (key, e) in _entries)
            {
                writer.Write(key);
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

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false), Encoding.UTF8);
            reader.ReadBytes(Magic.Length);
            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"version {version}, expected {Version}");
            }

            var lastRun = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
            var count = reader.ReadInt32();
            if (count < 0)
            {
                throw new InvalidDataException("negative entry count");
            }

            var entries = new Dictionary<string, CacheEntry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var size = reader.ReadInt64();
                var time = reader.ReadInt64();
                var id = reader.ReadUInt64();
                var sha = Convert.ToHexStringLower(reader.ReadBytes(32));
                var verified = reader.ReadInt64();
                var verdict = (ArchiveVerdict)reader.ReadByte();
                var format = reader.ReadString();
                var archiveEntries = reader.ReadInt32();
                var reason = reader.ReadString();
                var archive = verdict == ArchiveVerdict.NotArchive ? ArchiveReport.NotAnArchive : new ArchiveReport
                {
                    Verdict = verdict,
                    Format = format.Length == 0 ? null : format,
                    Entries = archiveEntries < 0 ? null : archiveEntries,
                    Reason = reason.Length == 0 ? null : reason,
                };
                entries[key] = new CacheEntry(size, time, id, sha, verified, archive);
            }

            if (reader.BaseStream.Position != body.Length)
            {
                throw new InvalidDataException("trailing bytes after the last entry");
            }

            return new HashCache(entries, lastRun);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"malformed entry: {e.Message}", e);
        }
    }
}
