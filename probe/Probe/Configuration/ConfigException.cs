namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>A setting that cannot be used: names where it came from and the field, in one line for the user.</summary>
public sealed class ConfigException(string source, string field, string problem) : Exception($"{source}: {field}: {problem}")
{
    public string Origin { get; } = source;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
