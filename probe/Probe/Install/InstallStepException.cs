namespace MonitoramentoBKP.Probe.Install;

/// <summary>A step of install or uninstall that could not be done, with the sentence for the technician (what failed and what to do).</summary>
public sealed class InstallStepException(string message, Exception? inner = null) : Exception(message, inner);
