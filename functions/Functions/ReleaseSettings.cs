using Microsoft.Extensions.Configuration;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// How release files reach probes, from the <c>ReleaseDownloads</c> setting: <c>stream</c> (the default: the
/// function reads the blob and sends it) or <c>redirect</c> (a 302 to a short-lived user-delegation SAS of the blob,
/// so the bytes go from storage to the probe; needs <c>StorageAccountName</c>, the app's identity, and falls back to
/// streaming when no link can be made).
/// </summary>
public sealed record ReleaseSettings(bool Redirect)
{
    public const string Key = "ReleaseDownloads";

    public static ReleaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[Key] switch
        {
            null or "" or "stream" => new ReleaseSettings(false),
            "redirect" => new ReleaseSettings(true),
            var other => throw new InvalidOperationException($"The setting '{Key}' is '{other}'; it must be 'stream' (the default) or 'redirect'."),
        };
    }
}
