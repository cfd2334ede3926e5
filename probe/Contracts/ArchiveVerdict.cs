using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

[JsonConverter(typeof(CamelCaseEnumConverter<ArchiveVerdict>))]
public enum ArchiveVerdict
{
    /// <summary>Read through, every checksum matched.</summary>
    Ok,

    /// <summary>Structure or checksum failed; see the reason.</summary>
    Corrupt,

    /// <summary>Not a format the probe tests (a plain .bak, for example).</summary>
    NotArchive,

    /// <summary>An archive whose content was not read in this run (verdict of an earlier run stands in the cache), or could not be read.</summary>
    NotTested,
}
