namespace MonitoramentoBKP.Probe.Engine;

/// <summary>Reading the file itself failed (as opposed to its content being damaged): a problem of the file, not a verdict on the archive.</summary>
public sealed class FileReadException(Exception inner) : IOException(inner.Message, inner);
