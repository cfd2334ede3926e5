using System.Security.Cryptography;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class ArchiveTesterTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    public static TheoryData<string, string, string, int> Formats => new()
    {
        { "zip", "backup.zip", "zip", 3 },
        { "zip-streamed", "backup.ZIP", "zip", 3 },
        { "7z", "backup.7z", "7z", 3 },
        { "tar", "backup.tar", "tar", 3 },
        { "tar.gz", "backup.tar.gz", "tar.gz", 3 },
        { "tar.gz", "backup.tgz", "tar.gz", 3 },
        { "gz", "Vendas.sql.gz", "gzip", 1 },
    };

    private (ArchiveReport Report, string? Sha, long Fetched, long Size) Test(string path)
    {
        using var handle = File.OpenHandle(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var size = RandomAccess.GetLength(handle);
        var stream = new HashingReadStream(handle, size, sha, new byte[HashWorker.BufferSize]);
        var report = ArchiveTester.Test(ArchiveTester.Detect(path)!.Value, stream);
        stream.FinishHash();
        return (report, Convert.ToHexStringLower(sha.GetHashAndReset()), stream.BytesFetched, size);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_sound_archive_passes_and_is_hashed_in_the_same_read(string kind, string name, string format, int entries)
    {
        var path = _tree.PathOf(name);
        Archives.Create(kind, path, Archives.Contents(1));

        var (report, sha, fetched, size) = Test(path);

        Assert.Equal(ArchiveVerdict.Ok, report.Verdict);
        Assert.Equal(format, report.Format);
        Assert.Equal(entries, report.Entries);
        Assert.Null(report.Reason);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), sha);
        Assert.True(fetched < (size * 1.25) + 4096, $"{fetched} bytes read for a {size}-byte archive: the test and the hash did not share the read");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_archive_with_bytes_flipped_in_its_compressed_data_is_corrupt(string kind, string name, string format, int entries)
    {
        _ = entries;
        var path = _tree.PathOf(name);
        Archives.Create(kind, path, Archives.Contents(2));
        if (kind == "tar")
        {
            // Plain tar keeps no checksum of data, only of headers: damage the second header.
            var bytes = File.ReadAllBytes(path);
            var second = Array.IndexOf(bytes, (byte)'d', 1024);
            bytes[second] ^= 0x20;
            File.WriteAllBytes(path, bytes);
        }
        else
        {
            Archives.FlipInData(path);
        }

        var report = Test(path).Report;

        Assert.Equal(ArchiveVerdict.Corrupt, report.Verdict);
        Assert.Equal(format, report.Format);
        Assert.False(string.IsNullOrWhiteSpace(report.Reason));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_archive_cut_short_is_corrupt(string kind, string name, string format, int entries)
    {
        _ = entries;
        var path = _tree.PathOf(name);
        Archives.Create(kind, path, Archives.Contents(3));
        Archives.Truncate(path);

        var report = Test(path).Report;

        Assert.Equal(ArchiveVerdict.Corrupt, report.Verdict);
        Assert.Equal(format, report.Format);
        Assert.False(string.IsNullOrWhiteSpace(report.Reason));
    }

    [Fact]
    public void A_file_named_like_an_archive_that_is_not_one_is_corrupt()
    {
        var path = _tree.File("Vendas.zip", TempTree.Random(10_000, 5));

        var report = Test(path).Report;

        Assert.Equal(ArchiveVerdict.Corrupt, report.Verdict);
    }

    [Theory]
    [InlineData("Vendas_20261130.bak")]
    [InlineData("log.txt")]
    [InlineData("zip")]
    public void Other_files_are_not_archives(string name)
    {
        Assert.Null(ArchiveTester.Detect(name));
    }

    [Fact]
    public void The_scan_puts_each_verdict_in_the_manifest_and_keeps_it_in_the_cache()
    {
        _tree.Folder("root");
        Archives.Create("zip", _tree.PathOf("root/good.zip"), Archives.Contents(4));
        Archives.Create("tar.gz", _tree.PathOf("root/bad.tgz"), Archives.Contents(5));
        Archives.FlipInData(_tree.PathOf("root/bad.tgz"));
        _tree.File("root/plain.bak", "x");
        var config = Probes.Config(_tree.PathOf("state"), Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 0 };

        var first = Probes.Scan(config).Manifest;
        var second = Probes.Scan(config);

        foreach (var manifest in new[] { first, second.Manifest })
        {
            Assert.Equal(ArchiveVerdict.Ok, manifest.File("good.zip").Archive.Verdict);
            Assert.Equal(ArchiveVerdict.Corrupt, manifest.File("bad.tgz").Archive.Verdict);
            Assert.Equal(ArchiveVerdict.NotArchive, manifest.File("plain.bak").Archive.Verdict);
        }

        Assert.Equal(0, second.BytesRead);
    }
}
