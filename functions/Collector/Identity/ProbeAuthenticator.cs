using System.Globalization;
using System.Security.Cryptography;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Collector.Identity;

/// <summary>
/// Authenticates a probe's signed request (RFC 9421, the profile in <c>MonitoramentoBKP.Contracts.Signing</c>),
/// checking in this order, each refusal a 401 naming its reason: the signature headers are there and well formed;
/// the key is known; not revoked; of the branch the request speaks for; <c>created</c> within the clock tolerance;
/// not expired; (once the body is read) the digest matches the body; the signature is valid; the nonce was not
/// seen before. The checks that need no body come first (<see cref="AdmitAsync"/>), so an unknown key costs no
/// body read; the rest (<see cref="VerifyAsync"/>) before the body is parsed, so nothing unauthenticated is parsed.
/// </summary>
public sealed class ProbeAuthenticator(IIdentityStore identity, IdentityLimits limits, TimeProvider time)
{
    /// <summary>A request past the first checks: its parsed signature and the key to verify it with.</summary>
    public sealed record Admission(ParsedSignature Signature, ProbeKey Key);

    public async Task<(Admission? Admission, ProbeRefusal? Refusal)> AdmitAsync(SignedRequest request, CancellationToken cancellationToken)
    {
        if (Parse(request) is var (parsed, refusal) && refusal is not null)
        {
            return (null, refusal);
        }

        var key = await identity.FindKeyAsync(parsed!.KeyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return (null, ProbeRefusal.Unauthorized("unknown-key", "Unknown key", $"No branch enrolled the key '{parsed.KeyId}'; enroll this probe (bkp-probe enroll)."));
        }

        if (key.Revoked)
        {
            return (null, ProbeRefusal.Unauthorized("revoked-key", "Revoked key", $"The key '{key.KeyId}' of branch '{key.BranchId}' was revoked at {key.RevokedUtc:yyyy-MM-dd HH:mm:ss}Z ({key.RevokedReason}); enroll this probe again."));
        }

        if (!string.Equals(request.Branch, key.BranchId, StringComparison.OrdinalIgnoreCase))
        {
            return (null, ProbeRefusal.Unauthorized("key-not-of-branch", "Key not of this branch", $"The key '{key.KeyId}' belongs to branch '{key.BranchId}', but the request speaks for '{request.Branch}'."));
        }

        return Times(parsed) is { } late ? (null, late) : (new Admission(parsed, key), null);
    }

    /// <summary>The checks that need the body as it was sent: digest, signature, then the nonce (recorded only when all else passed).</summary>
    public async Task<ProbeRefusal?> VerifyAsync(Admission admission, SignedRequest request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!PublicKeyInfo.TryImport(admission.Key.PublicKey, out var key, out var reason))
        {
            // Stored keys were checked at enrollment: one that no longer imports is a damaged store, not the probe's doing.
            throw new InvalidOperationException($"The stored public key '{admission.Key.KeyId}' of branch '{admission.Key.BranchId}' does not import: {reason}");
        }

        using (key)
        {
            return Body(admission.Signature, request, body.Span, key) ?? await NonceAsync(admission.Signature, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The signature headers, parsed; refused when missing or not of the profile.</summary>
    internal static (ParsedSignature? Parsed, ProbeRefusal? Refusal) Parse(SignedRequest request)
    {
        if (string.IsNullOrEmpty(request.Signature) && string.IsNullOrEmpty(request.SignatureInput))
        {
            return (null, ProbeRefusal.Unauthorized("signature-missing", "Signature missing",
                $"Probe requests must be signed (HTTP Message Signatures, RFC 9421: {MessageSignature.SignatureInputHeaderName} and {MessageSignature.SignatureHeaderName}); no admin key is taken here."));
        }

        return SignatureInput.TryParse(request.SignatureInput, request.Signature, out var parsed, out var reason)
            ? (parsed, null)
            : (null, ProbeRefusal.Unauthorized("malformed-signature", "Malformed signature", reason));
    }

    /// <summary><c>created</c> within the tolerance of the collector's clock, and not expired.</summary>
    internal ProbeRefusal? Times(ParsedSignature parsed)
    {
        var now = time.GetUtcNow();
        var (created, expires) = (parsed.Created, parsed.Expires);
        if ((created - now).Duration() > limits.ClockTolerance)
        {
            var off = created - now;
            return ProbeRefusal.Unauthorized("clock-skew", "Clock skew",
                $"The signature was created at {created:yyyy-MM-dd HH:mm:ss}Z, {Describe(off.Duration())} {(off > TimeSpan.Zero ? "ahead of" : "behind")} the collector's clock ({now:yyyy-MM-dd HH:mm:ss}Z, also in the Date header); "
                + $"at most {limits.ClockTolerance.TotalMinutes:0} minutes either way. Sign again with the collector's time.");
        }

        if (expires <= now || expires - created > limits.MaxSignatureLifetime || expires <= created)
        {
            return ProbeRefusal.Unauthorized("expired-signature", "Signature expired",
                expires <= now
                    ? $"The signature expired at {expires:yyyy-MM-dd HH:mm:ss}Z; the collector's clock says {now:yyyy-MM-dd HH:mm:ss}Z."
                    : $"The signature claims to live from {created:HH:mm:ss}Z to {expires:yyyy-MM-dd HH:mm:ss}Z; at most {limits.MaxSignatureLifetime.TotalMinutes:0} minutes are accepted.");
        }

        return null;
    }

    /// <summary>Content-Digest against the body's bytes as sent, then the signature over the covered components.</summary>
    internal static ProbeRefusal? Body(ParsedSignature parsed, SignedRequest request, ReadOnlySpan<byte> body, ECDsa key)
    {
        if (!ContentDigest.Matches(request.ContentDigest, body, out var problem))
        {
            return ProbeRefusal.Unauthorized("digest-mismatch", "Digest mismatch", problem);
        }

        return MessageSignature.Verify(key, parsed, request.Method, request.TargetUri, request.ContentDigest!, request.Branch ?? "")
            ? null
            : ProbeRefusal.Unauthorized("bad-signature", "Bad signature", $"The signature does not verify with the key '{parsed.KeyId}' over {Covered}: the request was changed on the way or signed with another key.");
    }

    /// <summary>Insert-only: the first request with a nonce wins; kept until no signature could still be accepted with it.</summary>
    internal async Task<ProbeRefusal?> NonceAsync(ParsedSignature parsed, CancellationToken cancellationToken)
    {
        var keep = (parsed.Expires > parsed.Created + limits.ClockTolerance ? parsed.Expires : parsed.Created + limits.ClockTolerance).UtcDateTime + limits.ClockTolerance;
        return await identity.TryAddNonceAsync(parsed.KeyId, parsed.Nonce, keep, cancellationToken).ConfigureAwait(false)
            ? null
            : ProbeRefusal.Unauthorized("replayed-nonce", "Nonce already seen", $"The nonce '{parsed.Nonce}' of key '{parsed.KeyId}' was already used: this request is a replay. A probe signs every attempt anew.");
    }

    private static readonly string Covered = string.Join(' ', MessageSignature.CoveredComponents.Select(c => $"\"{c}\""));

    private static string Describe(TimeSpan span) =>
        span >= TimeSpan.FromHours(1) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : span >= TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}
