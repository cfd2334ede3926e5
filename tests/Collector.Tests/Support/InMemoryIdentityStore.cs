using System.Collections.Concurrent;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>The identity store in memory, with the same conditional spend and insert-only nonces as the table.</summary>
public sealed class InMemoryIdentityStore : IIdentityStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EnrollmentToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProbeKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _nonces = new(StringComparer.Ordinal);
    private int _version;

    public IReadOnlyDictionary<string, EnrollmentToken> Tokens { get { lock (_gate) { return new Dictionary<string, EnrollmentToken>(_tokens); } } }
    public IReadOnlyDictionary<string, ProbeKey> Keys { get { lock (_gate) { return new Dictionary<string, ProbeKey>(_keys); } } }
    public IReadOnlyDictionary<string, DateTime> Nonces => new Dictionary<string, DateTime>(_nonces);

    public Task AddTokenAsync(EnrollmentToken token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_tokens.TryAdd(token.Hash, token with { Version = Next() }))
            {
                throw new InvalidOperationException("token hash already stored");
            }
        }

        return Task.CompletedTask;
    }

    public Task<EnrollmentToken?> FindTokenAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tokens.GetValueOrDefault(hash));
        }
    }

    public Task<bool> TrySpendTokenAsync(EnrollmentToken token, DateTime spentUtc, string keyId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token.Hash, out var stored) || stored.Version != token.Version)
            {
                return Task.FromResult(false);
            }

            _tokens[token.Hash] = stored with { SpentUtc = spentUtc, SpentBy = keyId, Version = Next() };
            return Task.FromResult(true);
        }
    }

    public Task<ProbeKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_keys.GetValueOrDefault(keyId));
        }
    }

    public Task PutKeyAsync(ProbeKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _keys[key.KeyId] = key;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProbeKey>> KeysOfAsync(string branchId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ProbeKey>>([.. _keys.Values.Where(k => string.Equals(k.BranchId, branchId, StringComparison.OrdinalIgnoreCase))]);
        }
    }

    public Task<bool> TryAddNonceAsync(string keyId, string nonce, DateTime keepUntilUtc, CancellationToken cancellationToken) =>
        Task.FromResult(_nonces.TryAdd(keyId + "\n" + nonce, keepUntilUtc));

    public Task<int> RemoveExpiredNoncesAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (key, until) in _nonces)
        {
            if (until < nowUtc && _nonces.TryRemove(key, out _))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private string Next() => (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
