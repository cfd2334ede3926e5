using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace MonitoramentoBKP.Collector.Storage.Tests.Support;

/// <summary>Fresh tables and containers per test, named so they never collide.</summary>
public static class Fresh
{
    public static async Task<TableClient> TableAsync(Azurite azurite)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("t" + Guid.NewGuid().ToString("N")[..20]);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static async Task<BlobContainerClient> ContainerAsync(Azurite azurite)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("c" + Guid.NewGuid().ToString("N")[..20]);
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
