namespace MonitoramentoBKP.Collector.Registry;

/// <summary>A registry, or every problem found in it: a bad registry is refused as a whole, never half-applied.</summary>
public sealed record RegistryLoadResult(BranchRegistry? Registry, IReadOnlyList<RegistryProblem> Problems)
{
    public bool Succeeded => Registry is not null;
}
