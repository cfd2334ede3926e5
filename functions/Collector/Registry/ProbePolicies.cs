using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// What a branch's probe scans, as the registry resolves it: the one description of a branch's sets. Its version
/// is a hash of the content, so it changes exactly when what the probe must do changes.
/// </summary>
public static class ProbePolicies
{
    public static ProbePolicy For(BranchPolicy branch)
    {
        var sets = branch.Sets.Select(s => new ProbePolicySet { Id = s.Id, Root = s.Root, Include = s.Include, Exclude = s.Exclude, Recurse = s.Recurse }).ToList();
        var budgets = branch.Sets.Where(s => s.ReverifyBudgetBytes is not null).Select(s => s.ReverifyBudgetBytes!.Value).ToList();
        var policy = new ProbePolicy { BranchId = branch.Id, Version = "", Sets = sets, ReverifyBudgetBytes = budgets.Count == 0 ? null : budgets.Sum() };
        var content = JsonSerializer.SerializeToUtf8Bytes(policy, ContractsJsonContext.Default.ProbePolicy);
        return policy with { Version = Convert.ToHexStringLower(SHA256.HashData(content))[..16] };
    }
}
