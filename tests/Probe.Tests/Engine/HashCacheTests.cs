using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class HashCacheTests : IDisposable
{
    private readonly TempTree _tree = new();
    private string CachePath => _tree.PathOf("state/" + HashCache.FileName);

    public void Dispose() => _tree.Dispose();

    private static HashCache Sample(int count = 3)
    {
        var sets = new Dictionary<string, Dictionary<string, CacheEntry>>(StringComparer.Ordinal)
        {
            ["sql"] = new(StringComparer.Ordinal),
            ["fotos"] = new(StringComparer.Ordinal),
        };
        for (var i = 0; i < count; i++)
        {
            var archive = i % 2 == 0 ? ArchiveReport.NotAnArchive : new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Entries = 3, Reason = "CRC" };
            sets[i % 3 == 0 ? "fotos" : "sql"][$"pasta/ação {i}.bak"] = new CacheEntry(i * 1000, 638_000_000_000_000_000 + i, (ulong)i, Convert.ToHexStringLower(BitConverter.GetBytes((long)i).Concat(new byte[24]).ToArray()), 638_100_000_000_000_000, archive);
        }

        return new HashCache(sets);
    }

    [Fact]
    public void A_saved_cache_loads_back_entry_for_entry()
    {
        var runUtc = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);
        Sample().Save(CachePath, runUtc);

        var (cache, report) = HashCache.Load(CachePath);

        Assert.Equal(CacheStatus.Loaded, report.Status);
        Assert.Equal(runUtc, cache.LastRunUtc);
        Assert.Equal(Sample().Entries.OrderBy(e => e.SetId + e.Path), cache.Entries.OrderBy(e => e.SetId + e.Path));
    }

    [Fact]
    public void No_cache_yet_is_reported_as_missing()
    {
        var (cache, report) = HashCache.Load(CachePath);

        Assert.Equal(CacheStatus.Missing, report.Status);
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bit flipped")]
    [InlineData("empty")]
    [InlineData("other file")]
    public void A_damaged_cache_is_detected_and_never_trusted(string damage)
    {
        Sample(50).Save(CachePath, DateTime.UtcNow);
        var bytes = File.ReadAllBytes(CachePath);
        bytes = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "bit flipped" => Flip(bytes, bytes.Length / 3),
            "empty" => [],
            _ => "{\"not\":\"a cache\"}"u8.ToArray(),
        };
        File.WriteAllBytes(CachePath, bytes);

        var (cache, report) = HashCache.Load(CachePath);

        Assert.Equal(CacheStatus.Rebuilt, report.Status);
        Assert.False(string.IsNullOrEmpty(report.Detail));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Saving_replaces_the_previous_cache_and_leaves_no_temporary_file()
    {
        Sample(5).Save(CachePath, DateTime.UtcNow);
        Sample(2).Save(CachePath, DateTime.UtcNow);

        Assert.Equal(2, HashCache.Load(CachePath).Cache.Count);
        Assert.Equal([HashCache.FileName], Directory.GetFiles(Path.GetDirectoryName(CachePath)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_cache_intact()
    {
        Sample(5).Save(CachePath, DateTime.UtcNow);

        // The temporary name is taken by a folder, so writing it fails before the rename.
        Directory.CreateDirectory($"{CachePath}.{Environment.ProcessId}.tmp");
        Assert.ThrowsAny<Exception>(() => Sample(2).Save(CachePath, DateTime.UtcNow));

        Assert.Equal(5, HashCache.Load(CachePath).Cache.Count);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x40;
        return bytes;
    }
}
