using MonitoramentoBKP.Collector.Identity;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Enrollment tokens (hashed), branches' public keys, and the nonces of signed requests already seen.</summary>
public interface IIdentityStore
{
    Task AddTokenAsync(EnrollmentToken token, CancellationToken cancellationToken);

    Task<EnrollmentToken?> FindTokenAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Marks the token spent only if it is still at <see cref="EnrollmentToken.Version"/>: of two racing, exactly one gets true.</summary>
    Task<bool> TrySpendTokenAsync(EnrollmentToken token, DateTime spentUtc, string keyId, CancellationToken cancellationToken);

    Task<ProbeKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Adds the key (a key enrolled again, as after a re-install from a kept key file, is replaced whole).</summary>
    Task PutKeyAsync(ProbeKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProbeKey>> KeysOfAsync(string branchId, CancellationToken cancellationToken);

    /// <summary>Records a nonce until <paramref name="keepUntilUtc"/>; false when that key already used it (a replay). Insert-only.</summary>
    Task<bool> TryAddNonceAsync(string keyId, string nonce, DateTime keepUntilUtc, CancellationToken cancellationToken);

    /// <summary>Deletes the nonces no signature can use any more; how many.</summary>
    Task<int> RemoveExpiredNoncesAsync(DateTime nowUtc, CancellationToken cancellationToken);
}
