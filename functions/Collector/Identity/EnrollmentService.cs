using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Collector.Identity;

/// <summary>
/// Enrollment: ops asks for a one-time token for a branch (<see cref="CreateTokenAsync"/>); the probe generates its
/// own key pair and sends the public key with the token, signed with the new private key (<see cref="EnrollAsync"/>),
/// which proves it holds it; the token is spent by one conditional write, so of two racing enrollments exactly one
/// wins, and the branch's earlier keys are revoked. <see cref="RevokeAsync"/> revokes a branch's keys at once.
/// </summary>
public sealed class EnrollmentService(IIdentityStore identity, IBranchDirectory directory, ProbeAuthenticator authenticator, IdentityLimits limits, TimeProvider time)
{
    /// <summary>256 random bits: far past guessing, and short enough to paste into one command line.</summary>
    private const int TokenBytes = 32;

    public async Task<EnrollmentOutcome> CreateTokenAsync(string branchId, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        var life = lifetime ?? limits.DefaultTokenLifetime;
        if (life < limits.MinTokenLifetime || life > limits.MaxTokenLifetime)
        {
            return EnrollmentOutcome.Refused(400, "invalid-enrollment", "Invalid token lifetime",
                $"A token may live from {limits.MinTokenLifetime.TotalMinutes:0} minutes to {limits.MaxTokenLifetime.TotalDays:0} days; {life} was asked.");
        }

        if (await BranchAsync(branchId, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow().UtcDateTime;
        var branch = (await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false))!;
        await identity.AddTokenAsync(new EnrollmentToken { Hash = Hash(token), BranchId = branch.Id, CreatedUtc = now, ExpiresUtc = now + life }, cancellationToken).ConfigureAwait(false);
        return new EnrollmentOutcome { StatusCode = 201, BranchId = branch.Id, Token = token, ExpiresUtc = now + life };
    }

    /// <summary>
    /// Checks, in order: the body; the key in it (P-256) and that the signature names it; the signature's times,
    /// digest, validity and nonce (as for every probe request); the branch header; then the token (known, for this
    /// branch, not expired, not spent) and the branch (known, not retired); then spends the token and stores the key.
    /// </summary>
    public async Task<EnrollmentOutcome> EnrollAsync(SignedRequest request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (body.Length > limits.MaxEnrollBodyBytes)
        {
            return EnrollmentOutcome.Refused(413, "too-large", "Enrollment too large", $"An enrollment body is at most {limits.MaxEnrollBodyBytes} bytes; this one is {body.Length}.");
        }

        EnrollRequest? enroll;
        try
        {
            enroll = JsonSerializer.Deserialize(body.Span, ContractsJsonContext.Default.EnrollRequest);
        }
        catch (JsonException e)
        {
            return Invalid($"the body is not an enrollment{(e.Path is { Length: > 0 } p ? $" at {p}" : "")}: {e.Message}");
        }

        if (enroll is null || enroll.BranchId.Length == 0 || enroll.Token.Length == 0)
        {
            return Invalid("the body must be {\"branchId\": \"…\", \"token\": \"…\", \"publicKey\": \"…\"} with every value given");
        }

        if (!PublicKeyInfo.TryImport(enroll.PublicKey, out var key, out var keyProblem))
        {
            return Invalid($"$.publicKey: {keyProblem}");
        }

        using (key)
        {
            var keyId = KeyId.Of(key);
            var (parsed, refusal) = ProbeAuthenticator.Parse(request);
            if (refusal is not null)
            {
                return EnrollmentOutcome.Refused(refusal);
            }

            if (!string.Equals(parsed!.KeyId, keyId, StringComparison.Ordinal))
            {
                return EnrollmentOutcome.Refused(ProbeRefusal.Unauthorized("bad-signature", "Bad signature",
                    $"An enrollment is signed with the key it enrolls ('{keyId}'), but its signature names '{parsed.KeyId}'."));
            }

            if ((authenticator.Times(parsed) ?? ProbeAuthenticator.Body(parsed, request, body.Span, key)) is { } bad)
            {
                return EnrollmentOutcome.Refused(bad);
            }

            if (!string.Equals(request.Branch, enroll.BranchId, StringComparison.OrdinalIgnoreCase))
            {
                return EnrollmentOutcome.Refused(ProbeRefusal.Unauthorized("branch-mismatch", "Branch mismatch", $"The request speaks for '{request.Branch}' but enrolls '{enroll.BranchId}'."));
            }

            var now = time.GetUtcNow().UtcDateTime;
            var token = await identity.FindTokenAsync(Hash(enroll.Token), cancellationToken).ConfigureAwait(false);
            if (token is null || !string.Equals(token.BranchId, enroll.BranchId, StringComparison.OrdinalIgnoreCase))
            {
                return EnrollmentOutcome.Refused(ProbeRefusal.Unauthorized("invalid-token", "Invalid enrollment token",
                    $"This token was not issued for branch '{enroll.BranchId}'; ask ops for one (POST /api/branches/{enroll.BranchId}/enrollment)."));
            }

            if (token.SpentUtc is { } spent)
            {
                return TokenSpent(token.BranchId, spent);
            }

            if (token.ExpiresUtc <= now)
            {
                return EnrollmentOutcome.Refused(ProbeRefusal.Unauthorized("token-expired", "Enrollment token expired",
                    $"The token for branch '{token.BranchId}' expired at {token.ExpiresUtc:yyyy-MM-dd HH:mm}Z; ask ops for a new one."));
            }

            if (await BranchAsync(token.BranchId, cancellationToken).ConfigureAwait(false) is { } gone)
            {
                return gone;
            }

            if (await authenticator.NonceAsync(parsed, cancellationToken).ConfigureAwait(false) is { } replayed)
            {
                return EnrollmentOutcome.Refused(replayed);
            }

            if (!await identity.TrySpendTokenAsync(token, now, keyId, cancellationToken).ConfigureAwait(false))
            {
                return TokenSpent(token.BranchId, now);
            }

            // Revoked before the new key is stored: a crash in between leaves the branch to enroll again, never with two keys.
            var replaced = await RevokeKeysAsync(token.BranchId, $"replaced by key {keyId}", except: keyId, now, cancellationToken).ConfigureAwait(false);
            await identity.PutKeyAsync(new ProbeKey { KeyId = keyId, BranchId = token.BranchId, PublicKey = enroll.PublicKey, EnrolledUtc = now }, cancellationToken).ConfigureAwait(false);
            return new EnrollmentOutcome { StatusCode = 201, BranchId = token.BranchId, KeyId = keyId, EnrolledUtc = now, Revoked = replaced };
        }
    }

    public async Task<EnrollmentOutcome> RevokeAsync(string branchId, CancellationToken cancellationToken) =>
        await RevokeAsync(branchId, "revoked by ops", cancellationToken).ConfigureAwait(false);

    /// <summary>Revokes the branch's keys, saying why (the reason a later request of those keys is told).</summary>
    public async Task<EnrollmentOutcome> RevokeAsync(string branchId, string reason, CancellationToken cancellationToken)
    {
        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return EnrollmentOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{branchId}' is not in the registry.");
        }

        var revoked = await RevokeKeysAsync(branch.Id, reason, except: null, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return new EnrollmentOutcome { StatusCode = 200, BranchId = branch.Id, Revoked = revoked };
    }

    /// <summary>SHA-256 of the token's text, lowercase hex: all the store ever sees of a token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<IReadOnlyList<string>> RevokeKeysAsync(string branchId, string reason, string? except, DateTime now, CancellationToken cancellationToken)
    {
        var revoked = new List<string>();
        foreach (var key in await identity.KeysOfAsync(branchId, cancellationToken).ConfigureAwait(false))
        {
            if (!key.Revoked && key.KeyId != except)
            {
                await identity.PutKeyAsync(key with { RevokedUtc = now, RevokedReason = reason }, cancellationToken).ConfigureAwait(false);
                revoked.Add(key.KeyId);
            }
        }

        return revoked;
    }

    private async Task<EnrollmentOutcome?> BranchAsync(string branchId, CancellationToken cancellationToken) =>
        await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false) switch
        {
            null => EnrollmentOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{branchId}' is not in the registry; add it there first."),
            { Retired: true } b => EnrollmentOutcome.Refused(410, "retired-branch", "Retired branch", $"Branch '{b.Id}' ({b.Name}) is retired."),
            _ => null,
        };

    private static EnrollmentOutcome TokenSpent(string branchId, DateTime spent) =>
        EnrollmentOutcome.Refused(ProbeRefusal.Unauthorized("token-spent", "Enrollment token already used",
            $"The token for branch '{branchId}' was already used at {spent:yyyy-MM-dd HH:mm}Z; a token enrolls once. Ask ops for a new one."));

    private static EnrollmentOutcome Invalid(string detail) => EnrollmentOutcome.Refused(400, "invalid-enrollment", "Invalid enrollment", detail);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
