namespace MonitoramentoBKP.Probe.Identity;

/// <summary>Why the probe's key file cannot be used; <see cref="Localization.Messages.Key"/> words it, with the fix, for branch staff.</summary>
public enum ProbeKeyProblem
{
    /// <summary>No key file: the branch was never enrolled here (or the state folder changed).</summary>
    Missing,

    /// <summary>The file exists but could not be read (access denied, an I/O error, not a file).</summary>
    Unreadable,

    /// <summary>Group or others may read or write the file (Linux/macOS), so the key may already be known to others.</summary>
    TooOpen,

    /// <summary>The file does not hold a PKCS#8 private key: damaged, truncated or replaced.</summary>
    Corrupt,

    /// <summary>DPAPI cannot unseal it for this account on this machine (Windows): damaged, or made by another account or machine.</summary>
    NotThisAccount,

    /// <summary>A well-formed private key, but not ECDSA P-256, the only kind the collector accepts.</summary>
    NotP256,

    /// <summary>A new key could not be written into the file's folder.</summary>
    CannotWrite,
}
