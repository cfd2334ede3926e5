using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>Stable codes of what can go wrong reading a folder or file; the collector words them for people.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ProblemCode>))]
public enum ProblemCode
{
    /// <summary>The folder or file does not exist (or vanished during the scan).</summary>
    NotFound,

    /// <summary>The OS refused access (permissions).</summary>
    AccessDenied,

    /// <summary>Another program holds the file open without sharing it (typical while a backup job writes it).</summary>
    Locked,

    /// <summary>Size or last-write time changed while the file was being read: a backup still being written.</summary>
    InProgress,

    /// <summary>A symbolic link whose target does not exist.</summary>
    BrokenLink,

    /// <summary>A link that leads back into a folder already being scanned; not followed.</summary>
    LinkCycle,

    /// <summary>Any other I/O error.</summary>
    IoError,
}
