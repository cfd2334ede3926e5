using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Raw manifests exactly as received (gzip), kept once per run: Blob Storage in Azure.</summary>
public interface IManifestArchive
{
    /// <summary>Stores the manifest under its name unless one is already there; false when it was.</summary>
    Task<bool> TryAddAsync(string name, ReadOnlyMemory<byte> gzip, CancellationToken cancellationToken);

    Task<Manifest?> ReadManifestAsync(string name, CancellationToken cancellationToken);

    /// <summary>manifests/{branch}/{yyyy}/{MM}/{dd}/{runId}.json.gz, dated by the run's start (UTC).</summary>
    public static string NameOf(Manifest manifest) =>
        $"{manifest.BranchId}/{manifest.StartedUtc:yyyy}/{manifest.StartedUtc:MM}/{manifest.StartedUtc:dd}/{manifest.RunId:D}.json.gz";
}
