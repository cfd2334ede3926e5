using System.Security.Cryptography;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// Recognizes the one curve of the profile, NIST P-256 (secp256r1), however the platform names it: Windows calls it
/// "ECDSA_P256", OpenSSL "prime256v1", .NET "nistP256"; the OID is the same everywhere.
/// </summary>
internal static class P256
{
    public const string Oid = "1.2.840.10045.3.1.7";

    /// <summary>The size in bytes of a coordinate, of the private scalar, and of r and s in a signature.</summary>
    public const int FieldSize = 32;

    public static bool Is(ECCurve curve) =>
        curve.IsNamed && curve.Oid is { } oid
        && (oid.Value == Oid || oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1");

    /// <summary>The curve's name as a refusal shows it.</summary>
    public static string Describe(ECCurve curve) =>
        curve.IsNamed ? curve.Oid.FriendlyName ?? curve.Oid.Value ?? "an unnamed curve" : "an explicit (unnamed) curve";

    /// <summary>
    /// The public parameters of a P-256 key, or an <see cref="ArgumentException"/> naming <paramref name="parameterName"/>
    /// when the key is on another curve or its point is not two 32-byte coordinates.
    /// </summary>
    public static void Require(ECParameters parameters, string parameterName)
    {
        if (!Is(parameters.Curve))
        {
            throw new ArgumentException($"The key is on {Describe(parameters.Curve)}; only P-256 keys are accepted.", parameterName);
        }

        if (parameters.Q.X is not { Length: FieldSize } || parameters.Q.Y is not { Length: FieldSize })
        {
            throw new ArgumentException("The key's public point must be two 32-byte coordinates.", parameterName);
        }
    }
}
