namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// The uploaded releases (Blob Storage in Azure: <c>{channel}/{version}/release.json</c> and each file beside it) and
/// the latest rotation of the release keys (<c>keys.json</c>). Read only: both are uploaded by the release tool, never
/// written by the collector, which holds no signing key.
/// </summary>
public interface IReleaseStore
{
    /// <summary>The envelope's bytes, read no further than <paramref name="maxBytes"/> + 1 (so an oversized one is seen, not loaded); null when absent.</summary>
    Task<byte[]?> ReadDocumentAsync(string channel, string version, int maxBytes, CancellationToken cancellationToken);

    /// <summary>The key rotation's bytes (<see cref="Releases.ReleaseNames.KeysBlob"/>), read no further than <paramref name="maxBytes"/> + 1; null when none was uploaded.</summary>
    Task<byte[]?> ReadKeysAsync(int maxBytes, CancellationToken cancellationToken);

    /// <summary>The stored length of a release file; null when there is no such file.</summary>
    Task<long?> LengthOfAsync(string channel, string version, string file, CancellationToken cancellationToken);

    /// <summary>The file's content to stream, with its stored length; null when there is no such file.</summary>
    Task<(Stream Content, long Length)?> OpenFileAsync(string channel, string version, string file, CancellationToken cancellationToken);

    /// <summary>
    /// A short-lived read-only address of the file for a redirect (a user-delegation SAS in Azure); null when this
    /// store cannot make one (no token credential).
    /// </summary>
    Task<Uri?> LinkAsync(string channel, string version, string file, TimeSpan lifetime, CancellationToken cancellationToken);
}
