namespace MonitoramentoBKP.Contracts;

/// <summary>
/// The probe's routes on the collector, beside <see cref="ManifestUpload"/>. Every one takes no admin key and
/// wants a request signed with the branch's own key (RFC 9421, <c>Signing/</c>); the admin routes take the
/// Functions key and no signature.
/// </summary>
public static class ProbeApi
{
    /// <summary><c>POST</c>: a probe sends its new public key with a one-time token, signed with that key.</summary>
    public const string EnrollPath = "api/enroll";

    /// <summary><c>GET</c>: the branch's sets as the registry resolves them, with an ETag.</summary>
    public const string PolicyPath = "api/probe/policy";

    /// <summary>Admin: <c>POST api/branches/{id}/enrollment</c> answers a one-time enrollment token.</summary>
    public static string EnrollmentPath(string branchId) => $"api/branches/{Uri.EscapeDataString(branchId)}/enrollment";

    /// <summary>Admin: <c>POST api/branches/{id}/revoke</c> revokes the branch's keys at once.</summary>
    public static string RevokePath(string branchId) => $"api/branches/{Uri.EscapeDataString(branchId)}/revoke";

    /// <summary>
    /// <c>GET ?channel=stable</c>: the signed release document (<see cref="Releases.SignedEnvelope"/>) this branch
    /// should run, or 204 when there is none for it.
    /// </summary>
    public const string UpdatePath = "api/probe/update";

    /// <summary>
    /// <c>GET</c>: the latest rotation of the release signing keys (a signed <see cref="Releases.TrustedKeysDocument"/>
    /// envelope) byte for byte as uploaded, with its SHA-256 as the ETag (<c>If-None-Match</c> answers 304), or 204
    /// when none was uploaded. The same for every channel: the keys sign them all. The probe verifies it against the
    /// keys it trusts; the collector holds no key and verifies nothing.
    /// </summary>
    public const string KeysPath = "api/probe/keys";

    /// <summary><c>GET</c>: one file of a release, streamed or redirected to a short-lived URL.</summary>
    public static string ReleaseFilePath(string version, string file) => $"api/probe/releases/{Uri.EscapeDataString(version)}/{Uri.EscapeDataString(file)}";

    /// <summary><c>POST</c>, empty body: the probe was uninstalled; the branch is not reported silent from then on.</summary>
    public const string UninstalledPath = "api/probe/uninstalled";

    /// <summary>Admin: <c>POST api/releases/{channel}</c> publishes a release with a rollout, raises it, or pulls it.</summary>
    public static string ReleasesPath(string channel) => $"api/releases/{Uri.EscapeDataString(channel)}";

    public const string JsonContentType = "application/json";
}
