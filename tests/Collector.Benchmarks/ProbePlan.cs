namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>One simulated branch: its registry entry and the manifests its probe posts, oldest run first.</summary>
public sealed record ProbePlan(string BranchId, string Name, IReadOnlyList<ProbeUpload> Uploads)
{
    /// <summary>The registry entry PUT /api/branches/{id} takes.</summary>
    public string RegistryEntry => $$"""{"id":"{{BranchId}}","name":"{{Name}}","template":"{{FleetBuilder.Template}}"}""";
}
