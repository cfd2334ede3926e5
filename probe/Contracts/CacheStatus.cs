using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

[JsonConverter(typeof(CamelCaseEnumConverter<CacheStatus>))]
public enum CacheStatus
{
    /// <summary>The cache was read and its checksum matched.</summary>
    Loaded,

    /// <summary>There was no cache yet (first run, or a new state directory).</summary>
    Missing,

    /// <summary>The cache was truncated, corrupt or of another version; it was ignored and rebuilt.</summary>
    Rebuilt,
}
