namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>The system a probe is installed on; <c>install --dry-run --os</c> can show either from any machine.</summary>
public enum TargetOs
{
    Windows,
    Linux,
}
