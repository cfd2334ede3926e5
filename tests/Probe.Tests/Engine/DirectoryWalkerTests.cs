using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Platform;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class DirectoryWalkerTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_set_with_more_files_than_a_manifest_carries_is_reported_unreadable_saying_why_instead_of_listed()
    {
        for (var i = 0; i < 5; i++)
        {
            _tree.File($"root/sub/{i}.bak", "x");
        }

        var walker = new DirectoryWalker(LocalFileSystem.Instance, maxFiles: 4);
        var atCap = new DirectoryWalker(LocalFileSystem.Instance, maxFiles: 5);

        var walk = walker.Walk(Probes.Set("sql", _tree.PathOf("root")));

        Assert.True(walk.Exists);
        Assert.False(walk.Readable);
        Assert.Empty(walk.Files);
        Assert.Equal(ProblemCode.IoError, walk.Error!.Code);
        Assert.Contains("more than 4 files", walk.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(5, atCap.Walk(Probes.Set("sql", _tree.PathOf("root"))).Files.Count);
    }

    [Fact]
    public void A_set_with_more_skipped_folders_than_a_manifest_carries_is_reported_unreadable_saying_why()
    {
        _tree.File("root/a.bak", "x");
        for (var i = 0; i < 3; i++)
        {
            Directory.CreateSymbolicLink(_tree.PathOf($"root/loop{i}"), _tree.PathOf("root"));
        }

        var walk = new DirectoryWalker(LocalFileSystem.Instance, maxSkipped: 2).Walk(Probes.Set("sql", _tree.PathOf("root")));

        Assert.False(walk.Readable);
        Assert.Contains("more than 2 folders or links", walk.Error!.Detail, StringComparison.Ordinal);
    }
}
