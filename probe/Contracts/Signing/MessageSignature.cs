using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// The HTTP Message Signatures (RFC 9421) profile every probe request to the collector is signed with, and the only
/// one the collector accepts: label "bkp", covering "@method" "@target-uri" "content-digest" "x-bkp-branch" in that
/// order, with created, expires, nonce, keyid and alg="ecdsa-p256-sha256", signed with ECDSA P-256 over SHA-256 of
/// the signature base, the signature in its 64-byte r||s form. The probe calls <see cref="Sign"/>; the collector
/// parses with <see cref="SignatureInput.TryParse"/>, makes its own checks on the values, and calls
/// <see cref="Verify"/>. Time windows and replay are the collector's to judge; this type only builds and checks
/// what the signature covers.
/// </summary>
public static class MessageSignature
{
    public const string Label = "bkp";

    public const string Algorithm = "ecdsa-p256-sha256";

    public const string SignatureInputHeaderName = "Signature-Input";

    public const string SignatureHeaderName = "Signature";

    /// <summary>The branch's id, covered by the signature so a key enrolled for one branch cannot report for another.</summary>
    public const string BranchHeaderName = "X-Bkp-Branch";

    /// <summary>
    /// The longest header value accepted (Signature-Input, Signature, Content-Digest) and the longest target URI or
    /// covered header value signed. A profile Signature-Input is under 250 characters, a Signature under 100.
    /// </summary>
    public const int MaxHeaderLength = 4096;

    /// <summary>Random bytes in a nonce made by <see cref="Sign"/>: 128 bits, 22 characters of base64url.</summary>
    public const int NonceBytes = 16;

    /// <summary>The covered components, in the order they are signed and must be listed.</summary>
    public static IReadOnlyList<string> CoveredComponents { get; } = ["@method", "@target-uri", "content-digest", "x-bkp-branch"];

    private const int SignatureBytes = 2 * P256.FieldSize;

    private static readonly SfItem[] CoveredItems = [.. CoveredComponents.Select(c => new SfItem(SfBareItem.OfString(c), []))];

    /// <summary>
    /// Signs one request. <paramref name="keyId"/> must be <see cref="KeyId.Of(ECDsa)"/> of
    /// <paramref name="privateKey"/>; <paramref name="contentDigest"/> is the Content-Digest header value sent
    /// (<see cref="ContentDigest.Of"/>) and <paramref name="branch"/> the X-Bkp-Branch one. "created" is
    /// <paramref name="created"/> in whole seconds and "expires" <paramref name="lifetime"/> later; the nonce is
    /// <see cref="NonceBytes"/> bytes from <paramref name="nonceSource"/>. Values that cannot be signed (a lowercase
    /// method, a relative URI, a line break in a header value, a key not on P-256) throw <see cref="ArgumentException"/>.
    /// </summary>
    public static SignatureHeaders Sign(
        ECDsa privateKey,
        string keyId,
        string method,
        string targetUri,
        string contentDigest,
        string branch,
        DateTimeOffset created,
        TimeSpan lifetime,
        RandomNumberGenerator nonceSource)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(nonceSource);
        if (!string.Equals(keyId, KeyId.Of(privateKey), StringComparison.Ordinal))
        {
            throw new ArgumentException("The key id is not the JWK thumbprint (KeyId.Of) of the signing key.", nameof(keyId));
        }

        var createdSeconds = created.ToUnixTimeSeconds();
        if (createdSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(created), created, "The signature cannot be created before 1970.");
        }

        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A signature lives from 1 second to 1 day.");
        }

        Span<byte> nonce = stackalloc byte[NonceBytes];
        nonceSource.GetBytes(nonce);
        SfParameter[] parameters =
        [
            new("created", SfBareItem.OfInteger(createdSeconds)),
            new("expires", SfBareItem.OfInteger(createdSeconds + (long)lifetime.TotalSeconds)),
            new("nonce", SfBareItem.OfString(Base64Url.EncodeToString(nonce))),
            new("keyid", SfBareItem.OfString(keyId)),
            new("alg", SfBareItem.OfString(Algorithm)),
        ];
        var serializedParams = StructuredFieldWriter.InnerList(CoveredItems, parameters);
        var signatureBase = Base(method, targetUri, contentDigest, branch, serializedParams);
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(signatureBase), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SignatureHeaders($"{Label}={serializedParams}", $"{Label}=:{Convert.ToBase64String(signature)}:");
    }

    /// <summary>
    /// The signature base (RFC 9421 section 2.5) of a request under this profile. <paramref name="method"/> is the
    /// request's method, uppercase as sent; <paramref name="targetUri"/> the full absolute URI
    /// ("https://host/api/manifests?x=1", no fragment); <paramref name="contentDigest"/> and
    /// <paramref name="branch"/> the header values (several lines of one header joined with ", ", as RFC 9421
    /// section 2.1 says), trimmed of surrounding spaces and tabs here; <paramref name="serializedParams"/> the
    /// signature's inner list as serialized. A value that cannot be signed throws <see cref="ArgumentException"/>
    /// saying which and why.
    /// </summary>
    public static string Base(string method, string targetUri, string contentDigest, string branch, string serializedParams) =>
        TryBase(method, targetUri, contentDigest, branch, serializedParams, out var signatureBase, out var reason)
            ? signatureBase
            : throw new ArgumentException(reason);

    /// <summary>
    /// Whether <paramref name="signature"/> is a valid signature by <paramref name="publicKey"/> (P-256) over this
    /// request's signature base. False, never an exception, for a request whose values cannot have been signed (a
    /// line break in a header value, say). Only the signature is checked: the collector checks key, times, digest
    /// and nonce itself.
    /// </summary>
    public static bool Verify(ECDsa publicKey, ParsedSignature signature, string method, string targetUri, string contentDigest, string branch)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(signature);
        if (publicKey.KeySize != 8 * P256.FieldSize)
        {
            throw new ArgumentException($"The key is {publicKey.KeySize} bits; only P-256 keys are accepted.", nameof(publicKey));
        }

        if (signature.Alg != Algorithm || signature.Signature.Length != SignatureBytes
            || !TryBase(method, targetUri, contentDigest, branch, signature.SerializedParams, out var signatureBase, out _))
        {
            return false;
        }

        return publicKey.VerifyData(Encoding.ASCII.GetBytes(signatureBase), signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static bool TryBase(
        string method,
        string targetUri,
        string contentDigest,
        string branch,
        string serializedParams,
        [NotNullWhen(true)] out string? signatureBase,
        out string reason)
    {
        signatureBase = null;
        if (!TryHeaderValue(contentDigest, "content-digest", out var digestValue, out reason)
            || !TryHeaderValue(branch, "x-bkp-branch", out var branchValue, out reason))
        {
            return false;
        }

        reason = MethodProblem(method) ?? TargetUriProblem(targetUri) ?? ParamsProblem(serializedParams) ?? "";
        if (reason.Length > 0)
        {
            return false;
        }

        signatureBase = SignatureBase.Build(
        [
            new("@method", method),
            new("@target-uri", targetUri),
            new("content-digest", digestValue),
            new("x-bkp-branch", branchValue),
        ], serializedParams);
        return true;
    }

    private static string? MethodProblem(string? method) =>
        method is { Length: > 0 and <= 32 } && method.AsSpan().IndexOfAnyExceptInRange('A', 'Z') < 0
            ? null
            : $"The method '{Shown(method)}' must be an uppercase HTTP method such as POST.";

    private static string? TargetUriProblem(string? targetUri)
    {
        if (string.IsNullOrEmpty(targetUri) || targetUri.Length > MaxHeaderLength || targetUri.AsSpan().IndexOfAnyExceptInRange('!', '~') >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The target URI '{Shown(targetUri)}' must be 1 to {MaxHeaderLength} printable ASCII characters with no spaces.");
        }

        return (targetUri.StartsWith("https://", StringComparison.Ordinal) || targetUri.StartsWith("http://", StringComparison.Ordinal))
            && !targetUri.Contains('#', StringComparison.Ordinal)
            && Uri.TryCreate(targetUri, UriKind.Absolute, out _)
                ? null
                : $"The target URI '{Shown(targetUri)}' must be an absolute http or https URI without a fragment.";
    }

    private static string? ParamsProblem(string? serializedParams) =>
        serializedParams is { Length: > 0 and <= MaxHeaderLength } && serializedParams[0] == '('
        && serializedParams.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0
            ? null
            : "The serialized signature parameters must be an inner list of printable ASCII characters.";

    /// <summary>A header value as RFC 9421 section 2.1 covers it: surrounding spaces and tabs removed, no line breaks.</summary>
    private static bool TryHeaderValue(string? value, string name, [NotNullWhen(true)] out string? trimmed, out string reason)
    {
        trimmed = value?.Trim(' ', '\t');
        if (trimmed is not { Length: > 0 and <= MaxHeaderLength })
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"The {name} header value must be 1 to {MaxHeaderLength} characters.");
            return false;
        }

        foreach (var c in trimmed)
        {
            if (c is not ('\t' or >= ' ' and <= '~'))
            {
                reason = $"The {name} header value '{Shown(trimmed)}' holds a character other than printable ASCII, space or tab.";
                return false;
            }
        }

        reason = "";
        return true;
    }

    private static string Shown(string? value) => value is null ? "" : ValueProblem.Escape(value.Length <= 80 ? value : value[..80] + "…");
}
