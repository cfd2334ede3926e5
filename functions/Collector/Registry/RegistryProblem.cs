namespace MonitoramentoBKP.Collector.Registry;

/// <summary>One thing wrong in a registry file: where (a JSON path such as branches[3].overrides.sql.minSize) and what.</summary>
public sealed record RegistryProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
