using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace MonitoramentoBKP.Probe.Identity;

/// <summary>
/// Windows: the PKCS#8 bytes sealed with DPAPI for the account the probe runs as, so the key file copied to another
/// machine or read by another account is useless. The fixed product entropy means a program of the same account that
/// unseals DPAPI blobs without it (a generic credential dumper, say) gets nothing from this one.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class DpapiKeyProtector : IKeyProtector
{
    private static readonly byte[] Entropy = "MonitoramentoBKP probe key v1"u8.ToArray();

    public ProbeKeyProblem RefusedAs => ProbeKeyProblem.NotThisAccount;

    public byte[] Protect(byte[] pkcs8) => ProtectedData.Protect(pkcs8, Entropy, DataProtectionScope.CurrentUser);

    public byte[] Unprotect(byte[] stored) => ProtectedData.Unprotect(stored, Entropy, DataProtectionScope.CurrentUser);
}
