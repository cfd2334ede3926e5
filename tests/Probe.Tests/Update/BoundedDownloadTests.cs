using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>A release file is kept only with exactly its declared bytes, and never more than one byte past them is read.</summary>
public sealed class BoundedDownloadTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly byte[] _content = TempTree.Random(200_000, 7);

    public void Dispose() => _tree.Dispose();

    private string Target => _tree.PathOf("staging/bkp-probe");

    private string Sha => Convert.ToHexStringLower(SHA256.HashData(_content));

    private Task<ReleaseRefusal?> Save(Stream source, long? length = null, string? sha = null)
    {
        Directory.CreateDirectory(_tree.PathOf("staging"));
        return BoundedDownload.SaveAsync(source, Target, length ?? _content.Length, sha ?? Sha, CancellationToken.None);
    }

    private void AssertNothingKept()
    {
        Assert.False(File.Exists(Target), "a refused download was kept under its final name");
        Assert.False(File.Exists(Target + ".part"), "a refused download left its partial file");
    }

    [Fact]
    public async Task The_declared_bytes_are_kept_under_the_final_name()
    {
        Assert.Null(await Save(new MemoryStream(_content)));
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Target + ".part"));
    }

    [Fact]
    public async Task Endless_data_is_refused_after_reading_at_most_one_byte_past_the_declared_length()
    {
        var endless = new EndlessStream();

        var refusal = await Save(endless);

        Assert.Equal(ReleaseRefusalKind.TooLong, refusal?.Kind);
        Assert.Equal(_content.Length + 1, endless.Served);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_download_shorter_than_declared_is_refused()
    {
        Assert.Equal(ReleaseRefusalKind.TooShort, (await Save(new MemoryStream(_content[..^1])))?.Kind);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_download_with_another_sha256_is_refused_and_replaces_nothing()
    {
        _tree.File("staging/bkp-probe", [1, 2, 3]);
        var tampered = (byte[])_content.Clone();
        tampered[^1] ^= 1;

        Assert.Equal(ReleaseRefusalKind.WrongHash, (await Save(new MemoryStream(tampered)))?.Kind);
        AssertNothingKept();
    }

    /// <summary>Serves 'x' for ever, counting every byte handed out.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
