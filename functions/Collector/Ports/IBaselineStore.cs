using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// The branches' file baselines (<see cref="FileBaseline"/>), one document per version: Blob Storage in Azure. A
/// version is written under a new name before the state commit that names it, so a commit that loses its race
/// leaves only an unreferenced document behind, and readers always see the one their state names.
/// </summary>
public interface IBaselineStore
{
    /// <summary>The baseline under that name; empty when there is no name yet.</summary>
    Task<FileBaseline> ReadAsync(string? name, CancellationToken cancellationToken);

    Task WriteAsync(string name, FileBaseline baseline, CancellationToken cancellationToken);

    /// <summary>Removes a version no state names any more; a missing one is fine.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>A new version's name for a branch: "{branch}/{yyyyMMddHHmmss}-{unique}.json.gz".</summary>
    public static string NameFor(string branchId, DateTime utc, Guid unique) =>
        $"{branchId.ToUpperInvariant()}/{utc:yyyyMMddHHmmss}-{unique:N}.json.gz";
}
