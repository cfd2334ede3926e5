namespace MonitoramentoBKP.Collector.Registry;

/// <summary>Every branch with its policies, and the alert routes, as loaded from the registry file that ops keeps as code.</summary>
public sealed record BranchRegistry(IReadOnlyList<string> Templates, IReadOnlyList<BranchPolicy> Branches)
{
    public IReadOnlyList<AlertRoute> Routes { get; init; } = [];

    public BranchPolicy? Find(string branchId) => Branches.FirstOrDefault(b => string.Equals(b.Id, branchId, StringComparison.OrdinalIgnoreCase));
}
