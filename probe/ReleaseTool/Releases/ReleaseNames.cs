using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>
/// What a release may be called: its version, its channel, its runtimes and its file names. Everything here ends
/// up in a blob name and a URL path (<c>releases/{channel}/{version}/{file}</c>), so only plain, safe names pass.
/// </summary>
public static class ReleaseNames
{
    /// <summary>The runtimes bkp-probe is published for.</summary>
    public static IReadOnlyList<string> Runtimes { get; } = ["win-x64", "linux-x64", "linux-arm64"];

    /// <summary>The envelope's own name in the release folder and in storage; no executable may take it.</summary>
    public const string DocumentName = ReleaseRules.DocumentName;

    /// <summary>A release file larger than this is not a probe (the probe refuses it too).</summary>
    public const long MaxFileLength = ReleaseRules.MaxFileLength;

    /// <summary>The version as given, refused unless <see cref="ReleaseVersion"/> reads it.</summary>
    public static string Version(string? text, string option)
    {
        if (!ReleaseVersion.TryParse(text, out var version))
        {
            throw ReleaseToolException.BadInput($"{option} '{text}': {ReleaseRules.VersionRule}.");
        }

        return version.Text;
    }

    /// <summary>A channel is an id like a branch's: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64.</summary>
    public static string Channel(string? text, string option)
    {
        if (!ReleaseRules.IsChannel(text))
        {
            throw ReleaseToolException.BadInput($"{option} '{text}': {ReleaseRules.ChannelRule}.");
        }

        return text;
    }

    public static string Runtime(string text, string where)
    {
        if (!Runtimes.Contains(text, StringComparer.Ordinal))
        {
            throw ReleaseToolException.BadInput($"{where}: '{text}' is not a runtime bkp-probe is published for ({string.Join(", ", Runtimes)}).");
        }

        return text;
    }

    /// <summary>Whether <paramref name="name"/> can name a release file (<see cref="ReleaseRules.FileNameRule"/>).</summary>
    public static bool IsFileName(string? name) => ReleaseRules.IsFileName(name);
}
