using System.Runtime.Versioning;
using System.Security.Cryptography;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Identity;

/// <summary>
/// The store's handling of a sealed key file, as on Windows, with AES-GCM standing in for DPAPI (which only Windows
/// and Wine have; <see cref="WineDpapiTests"/> runs the real one).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SealedKeyFileTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly ProbeKeyStore _store = new(new Messages(Language.English), new AesGcmProtector());

    private string KeyPath => ProbeKeyStore.PathIn(_tree.PathOf("state"));

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_sealed_key_loads_back_and_the_file_holds_neither_the_pkcs8_bytes_nor_a_pem()
    {
        using var created = _store.Create(KeyPath);
        using var loaded = _store.Load(KeyPath);

        Assert.Equal(created.ExportSubjectPublicKeyInfo(), loaded.ExportSubjectPublicKeyInfo());
        var stored = File.ReadAllBytes(KeyPath);
        Assert.True(stored.AsSpan().IndexOf(created.ExportParameters(includePrivateParameters: true).D) < 0, "the private scalar is in the file");
        Assert.True(stored.AsSpan().IndexOf("-----BEGIN"u8) < 0, "the file is a PEM");
    }

    [Fact]
    public void A_sealed_key_file_that_does_not_unseal_says_to_enroll_as_the_task_account()
    {
        using (_store.Create(KeyPath))
        {
        }

        var stored = File.ReadAllBytes(KeyPath);
        stored[^1] ^= 0x01;
        File.WriteAllBytes(KeyPath, stored);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.Equal(ProbeKeyProblem.NotThisAccount, refused.Problem);
        Assert.IsType<AuthenticationTagMismatchException>(refused.InnerException);
        Assert.Equal($"the probe key {KeyPath} cannot be opened by this account on this computer (damaged, or made by another account or on another machine); "
            + "run bkp-probe enroll as the scheduled task's account", refused.Message);
    }

    [Fact]
    public void A_sealed_key_that_is_not_p256_is_refused_once_unsealed()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var sealedKey = new AesGcmProtector().Protect(other.ExportPkcs8PrivateKey());
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllBytes(KeyPath, sealedKey);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.Equal(ProbeKeyProblem.NotP256, refused.Problem);
        Assert.Contains("(ECDSA P-384)", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Seals with a fixed test key: nonce, tag, then the ciphertext.</summary>
    private sealed class AesGcmProtector : IKeyProtector
    {
        private static readonly byte[] TestKey = SHA256.HashData("SealedKeyFileTests"u8);

        public ProbeKeyProblem RefusedAs => ProbeKeyProblem.NotThisAccount;

        public byte[] Protect(byte[] pkcs8)
        {
            var stored = new byte[12 + 16 + pkcs8.Length];
            RandomNumberGenerator.Fill(stored.AsSpan(0, 12));
            using var gcm = new AesGcm(TestKey, 16);
            gcm.Encrypt(stored.AsSpan(0, 12), pkcs8, stored.AsSpan(28), stored.AsSpan(12, 16));
            return stored;
        }

        public byte[] Unprotect(byte[] stored)
        {
            var pkcs8 = new byte[stored.Length - 28];
            using var gcm = new AesGcm(TestKey, 16);
            gcm.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), pkcs8);
            return pkcs8;
        }
    }
}
