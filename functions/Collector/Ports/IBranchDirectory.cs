using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>The branch registry as loaded into storage by the admin endpoints.</summary>
public interface IBranchDirectory
{
    Task<BranchPolicy?> FindAsync(string branchId, CancellationToken cancellationToken);
}
