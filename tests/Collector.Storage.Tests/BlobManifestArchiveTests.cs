using MonitoramentoBKP.Collector.Storage.Tests.Support;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobManifestArchiveTests(Azurite azurite)
{
    [Fact]
    public async Task A_manifest_is_archived_once_and_reads_back_whole()
    {
        var archive = new BlobManifestArchive(await Fresh.ContainerAsync(azurite));
        var manifest = Manifest(Local(2026, 11, 30, 23), Set(File("Vendas.bak", 10, Local(2026, 11, 30, 22))));
        var gzip = Collector.Tests.Support.Manifests.Gzip(Collector.Tests.Support.Manifests.Json(manifest));
        var name = Ports.IManifestArchive.NameOf(manifest);

        var first = await archive.TryAddAsync(name, gzip, default);
        var second = await archive.TryAddAsync(name, gzip, default);
        var back = await archive.ReadManifestAsync(name, default);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(manifest.RunId, back!.RunId);
        Assert.Equal("Vendas.bak", back.Sets[0].Files[0].Path);
        Assert.Null(await archive.ReadManifestAsync("F001/none.json.gz", default));
    }
}
