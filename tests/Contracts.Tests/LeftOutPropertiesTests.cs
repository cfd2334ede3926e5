using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Contracts.Tests;

/// <summary>Properties the schema lets a manifest leave out read as their documented defaults, never as null.</summary>
public sealed class LeftOutPropertiesTests
{
    [Fact]
    public void A_set_that_leaves_out_skipped_reads_as_one_with_none_skipped()
    {
        var set = new BackupSetReport { Id = "sql", RootPath = @"C:\backup_sql", Exists = true, Readable = true, FileCount = 0, TotalBytes = 0, Files = [] };
        var manifest = new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            RunId = Guid.Parse("01939a5e-7c1b-7000-8000-000000000001"),
            BranchId = "F042",
            ProbeVersion = "0.1.0",
            HostName = "LOJA42-SRV",
            Os = "Windows",
            StartedUtc = new DateTime(2026, 11, 30, 22, 30, 0, DateTimeKind.Utc),
            FinishedUtc = new DateTime(2026, 11, 30, 22, 31, 0, DateTimeKind.Utc),
            Cache = new CacheReport { Status = CacheStatus.Loaded },
            Sets = [set],
        };
        var json = JsonSerializer.SerializeToNode(manifest, ContractsJson.Context.Manifest)!;
        json["sets"]![0]!.AsObject().Remove("skipped");

        var read = JsonSerializer.Deserialize(json.ToJsonString(), ContractsJson.Context.Manifest)!;

        Assert.NotNull(read.Sets[0].Skipped);
        Assert.Empty(read.Sets[0].Skipped);
    }
}
