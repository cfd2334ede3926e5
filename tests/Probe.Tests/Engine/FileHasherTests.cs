using System.Security.Cryptography;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Platform;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class FileHasherTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private FileCandidate Candidate(string relative, long size)
    {
        var path = _tree.PathOf(relative);
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.SetLength(size);
            file.Position = size / 2;
            file.Write("meio do arquivo"u8);
        }

        return new FileCandidate(relative, _tree.Root, relative, size, 0, 0);
    }

    [Fact]
    public void Memory_used_to_hash_does_not_grow_with_the_file_size()
    {
        var small = Candidate("small.bak", 4L << 20);
        var large = Candidate("large.bak", 256L << 20);
        var hasher = new FileHasher(LocalFileSystem.Instance, new ScanProgress());
        using var worker = new HashWorker();
        hasher.Hash(small, worker);

        long Allocated(FileCandidate file)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var outcome = hasher.Hash(file, worker);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.FullPath))), outcome.Sha256);
            return allocated;
        }

        var forSmall = Allocated(small);
        var forLarge = Allocated(large);

        Assert.True(forLarge < 64 * 1024, $"hashing 256 MiB allocated {forLarge} bytes");
        Assert.True(forLarge < forSmall + (16 * 1024), $"4 MiB: {forSmall} bytes allocated; 256 MiB: {forLarge}");
    }

    [Fact]
    public void Progress_counts_every_content_byte_read()
    {
        var file = Candidate("a.bak", 3_000_000);
        var progress = new ScanProgress();
        using var worker = new HashWorker();

        new FileHasher(LocalFileSystem.Instance, progress).Hash(file, worker);

        Assert.Equal(3_000_000, progress.BytesRead);
        Assert.NotNull(progress.FirstByteUtc);
    }

    [Fact]
    public void A_file_that_vanished_since_the_listing_is_reported_not_found()
    {
        var file = Candidate("gone.bak", 10);
        File.Delete(file.FullPath);
        using var worker = new HashWorker();

        var outcome = new FileHasher(LocalFileSystem.Instance, new ScanProgress()).Hash(file, worker);

        Assert.Equal(Contracts.ProblemCode.NotFound, outcome.Error!.Code);
        Assert.Null(outcome.Sha256);
    }
}
