using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Storage.Tests.Support;

/// <summary>A registry of the given branches only, for tests that drive ingest on real storage.</summary>
public sealed class FixedDirectory(params BranchPolicy[] branches) : IBranchDirectory
{
    public Task<BranchPolicy?> FindAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult(branches.FirstOrDefault(b => string.Equals(b.Id, branchId, StringComparison.OrdinalIgnoreCase)));
}
