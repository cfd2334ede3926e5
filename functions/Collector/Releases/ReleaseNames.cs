using System.Diagnostics.CodeAnalysis;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// The names a release lives under in Blob Storage (<c>{channel}/{version}/{file}</c>), by <see cref="ReleaseRules"/>:
/// nothing a route or a document names can climb out of its folder ('/', '\', ".."). The key rotation is one blob
/// beside the channels' folders, <see cref="KeysBlob"/>: the keys sign every channel.
/// </summary>
public static class ReleaseNames
{
    /// <summary>The latest rotation of the release keys, as <c>bkp-release upload-keys</c> stores it.</summary>
    public const string KeysBlob = "keys.json";

    public static bool IsChannel([NotNullWhen(true)] string? channel) => ReleaseRules.IsChannel(channel);

    public static bool IsFileName([NotNullWhen(true)] string? name) => ReleaseRules.IsFileName(name);

    public static bool IsVersion([NotNullWhen(true)] string? version) => ReleaseRules.IsVersion(version);

    public static string DocumentBlob(string channel, string version) => $"{channel}/{version}/{ReleaseRules.DocumentName}";

    public static string FileBlob(string channel, string version, string file) => $"{channel}/{version}/{file}";
}
