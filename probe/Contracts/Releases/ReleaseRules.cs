using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// What a release document must be, whoever reads it: the probe before it installs (<see cref="ReleaseVerifier"/>),
/// the collector before it offers a release, the release tool before it signs or uploads one. Names end up in blob
/// names and URL paths (<c>{channel}/{version}/{file}</c>), so only plain names pass: nothing can climb out of its folder.
/// </summary>
public static partial class ReleaseRules
{
    /// <summary>The probe is a few MB; a file declared larger than this is not a probe, it is a disk filler.</summary>
    public const long MaxFileLength = 512L * 1024 * 1024;

    /// <summary>One file per runtime, and only a handful of runtimes exist.</summary>
    public const int MaxFiles = 16;

    public const int MaxFileNameLength = 128;

    /// <summary>The envelope's own name beside the files, in a release folder and in storage; no file may take it.</summary>
    public const string DocumentName = "release.json";

    public const string FileNameRule = "a file name is 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit, with no \"..\", and not release.json";
    public const string ChannelRule = "a channel is a simple id such as stable or pilot: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64";
    public const string VersionRule = "a release version is two to four dot-separated whole numbers without leading zeros, such as 1.4.0";

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"\A[a-z0-9]+(?:-[a-z0-9]+){1,3}\z")]
    private static partial Regex RuntimeName();

    [GeneratedRegex(@"\A[0-9a-f]{64}\z")]
    private static partial Regex Sha256Hex();

    /// <summary>Whether <paramref name="name"/> can name a release file: see <see cref="FileNameRule"/>.</summary>
    public static bool IsFileName([NotNullWhen(true)] string? name) =>
        name is not null && PlainName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal)
        && !string.Equals(name, DocumentName, StringComparison.OrdinalIgnoreCase);

    public static bool IsChannel([NotNullWhen(true)] string? channel) => channel is not null && JsonValueReader.IdPattern().IsMatch(channel);

    public static bool IsVersion([NotNullWhen(true)] string? version) => ReleaseVersion.TryParse(version, out _);

    /// <summary>A .NET runtime identifier's shape: <c>win-x64</c>, <c>linux-arm64</c>.</summary>
    public static bool IsRuntime([NotNullWhen(true)] string? runtime) => runtime is not null && RuntimeName().IsMatch(runtime);

    /// <summary>
    /// The first rule <paramref name="document"/> breaks, with its place (<c>/signed/files/0/name</c>), or null. Not
    /// checked here: signatures, expiry against a clock, the reader's channel and version.
    /// </summary>
    public static ReleaseRefusal? Problem(ReleaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!IsVersion(document.Version))
        {
            return new(ReleaseRefusalKind.Malformed, $"/signed/version '{document.Version}' is not a release version: {VersionRule}.");
        }

        if (!IsChannel(document.Channel))
        {
            return new(ReleaseRefusalKind.Malformed, $"/signed/channel '{document.Channel}' is not a channel name: {ChannelRule}.");
        }

        if (document.ExpiresUtc <= document.PublishedUtc)
        {
            return new(ReleaseRefusalKind.Malformed, $"/signed/expiresUtc {document.ExpiresUtc:O} is not after /signed/publishedUtc {document.PublishedUtc:O}.");
        }

        if (document.Files.Count is 0 or > MaxFiles)
        {
            return new(ReleaseRefusalKind.BadFileEntry, $"/signed/files lists {document.Files.Count} files; a release has 1 to {MaxFiles}.");
        }

        var runtimes = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Files.Count; i++)
        {
            var at = $"/signed/files/{i}";
            var reason = document.Files[i] switch
            {
                null => $"{at} must be a file, not null.",
                var f when !IsRuntime(f.Runtime) => $"{at}/runtime '{f.Runtime}' is not a runtime identifier such as linux-x64.",
                var f when !IsFileName(f.Name) => $"{at}/name '{f.Name}' is not a plain file name: {FileNameRule}.",
                var f when f.Length is <= 0 or > MaxFileLength => $"{at}/length {f.Length} is not from 1 to {MaxFileLength} bytes.",
                var f when !Sha256Hex().IsMatch(f.Sha256) => $"{at}/sha256 is not 64 lowercase hexadecimal digits.",
                var f when !runtimes.Add(f.Runtime) => $"{at}/runtime {f.Runtime} is listed twice: one file per runtime.",
                var f when !names.Add(f.Name) => $"{at}/name '{f.Name}' is listed twice.",
                _ => null,
            };
            if (reason is not null)
            {
                return new(ReleaseRefusalKind.BadFileEntry, reason);
            }
        }

        return null;
    }
}
