namespace MonitoramentoBKP.Probe.Identity;

/// <summary>
/// How the probe's PKCS#8 private key is turned into the bytes of its key file and back: DPAPI on Windows, PEM text
/// elsewhere (where the file's mode is what keeps it private). The one seam between the key file's format and the
/// operating system, so the store's logic is tested everywhere and each protector on its own system.
/// </summary>
internal interface IKeyProtector
{
    /// <summary>What <see cref="ProbeKeyStore"/> reports when <see cref="Unprotect"/> refuses a file's bytes.</summary>
    ProbeKeyProblem RefusedAs { get; }

    /// <summary>The key file's bytes for <paramref name="pkcs8"/>.</summary>
    byte[] Protect(byte[] pkcs8);

    /// <summary>The PKCS#8 bytes a key file holds; throws <see cref="System.Security.Cryptography.CryptographicException"/> when it holds none.</summary>
    byte[] Unprotect(byte[] stored);
}
