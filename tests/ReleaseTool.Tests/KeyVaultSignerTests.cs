using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Releases;
using MonitoramentoBKP.ReleaseTool.Signing;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

public sealed class KeyVaultSignerTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new();
    private readonly FakeTokenCredential _credential = new();
    private FakeKeyVault _vault = null!;

    public async Task InitializeAsync() => _vault = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_release_signed_through_Key_Vaults_sign_operation_verifies_with_the_vault_key(bool withVersion)
    {
        var signer = new KeyVaultSigner(_vault.KeyUri(withVersion), _credential, _http);

        var release = await ReleaseCutter.CutAsync(Spec(), [signer], TimeProvider.System, CancellationToken.None);

        Assert.Empty(_vault.Violations);
        Assert.Equal([$"GET /keys/{FakeKeyVault.KeyName}{(withVersion ? "/" + FakeKeyVault.KeyVersion : "")}", $"POST /keys/{FakeKeyVault.KeyName}/{FakeKeyVault.KeyVersion}/sign"], _vault.Requests);
        Assert.All(_credential.Scopes, scope => Assert.Equal("https://vault.azure.net/.default", scope));
        Assert.NotEmpty(_credential.Scopes);
        var envelope = Envelopes.Parse(File.ReadAllBytes(release.EnvelopePath));
        Envelopes.AssertSignedBy(envelope, _vault.Key);
        Assert.Equal("1.4.0", Envelopes.Release(envelope).Version);
    }

    [Fact]
    public async Task A_key_file_and_a_vault_key_sign_the_same_release_side_by_side()
    {
        using var fileKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var fileSigner = new KeyFileSigner(ECDsa.Create(fileKey.ExportParameters(true)), "file");

        var release = await ReleaseCutter.CutAsync(Spec(), [fileSigner, new KeyVaultSigner(_vault.KeyUri(true), _credential, _http)], TimeProvider.System, CancellationToken.None);

        Envelopes.AssertSignedBy(Envelopes.Parse(File.ReadAllBytes(release.EnvelopePath)), fileKey, _vault.Key);
    }

    [Fact]
    public async Task A_key_rotation_can_be_signed_by_a_vault_key()
    {
        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (bytes, document, _) = await KeyRotation.CreateAsync(3, [PublicKeyInfo.Export(next)], [new KeyVaultSigner(_vault.KeyUri(false), _credential, _http)], TimeProvider.System, CancellationToken.None);

        var envelope = Envelopes.Parse(bytes);
        Envelopes.AssertSignedBy(envelope, _vault.Key);
        Assert.Equal(KeyId.Of(next), Assert.Single(Envelopes.Keys(envelope).Keys).KeyId);
        Assert.Equal(3, document.Version);
    }

    [Fact]
    public async Task A_vault_that_answers_a_signature_by_another_key_is_refused_and_no_release_is_left()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _vault.SignWith = other;

        var error = await Assert.ThrowsAsync<ReleaseToolException>(() => ReleaseCutter.CutAsync(Spec(), [new KeyVaultSigner(_vault.KeyUri(true), _credential, _http)], TimeProvider.System, CancellationToken.None));

        Assert.Equal(ReleaseExitCodes.Failed, error.ExitCode);
        Assert.Contains("does not verify with the public key", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]));
    }

    [Fact]
    public async Task A_sign_answer_naming_another_key_is_refused()
    {
        _vault.AnsweredKid = new Uri(_vault.Vault, "keys/other-key/00000000000000000000000000000000").AbsoluteUri;

        var error = await Assert.ThrowsAsync<ReleaseToolException>(() => Sign());

        Assert.Equal(ReleaseExitCodes.Failed, error.ExitCode);
        Assert.Contains("other-key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RSA", "P-256")]
    [InlineData("EC", "P-384")]
    [InlineData("EC", "P-256K")]
    public async Task A_vault_key_that_is_not_EC_P256_is_refused_before_anything_is_signed(string kty, string curve)
    {
        (_vault.Kty, _vault.Curve) = (kty, curve);

        var error = await Assert.ThrowsAsync<ReleaseToolException>(() => Sign());

        Assert.Contains("release signing keys are EC P-256", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_vault.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vault_that_refuses_shows_its_error_code_and_message()
    {
        _vault.RefuseWith = 403;

        var error = await Assert.ThrowsAsync<ReleaseToolException>(() => Sign());

        Assert.Equal(ReleaseExitCodes.Failed, error.ExitCode);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("Forbidden: The user, group or application does not have keys sign permission.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vault_that_cannot_be_reached_is_a_failure_not_a_crash()
    {
        var gone = _vault.KeyUri(true);
        await _vault.DisposeAsync();

        var error = await Assert.ThrowsAsync<ReleaseToolException>(() => new KeyVaultSigner(gone, _credential, _http).SignAsync("{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(ReleaseExitCodes.Failed, error.ExitCode);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        _vault = await FakeKeyVault.StartAsync();
    }

    [Theory]
    [InlineData("https://bkp-vault.vault.azure.net/keys/release-signing", true)]
    [InlineData("https://bkp-vault.vault.azure.net/keys/release-signing/0f1e2d3c4b5a69788796a5b4c3d2e1f0", true)]
    [InlineData("http://bkp-vault.vault.azure.net/keys/release-signing", false)]
    [InlineData("https://bkp-vault.vault.azure.net/secrets/release-signing", false)]
    [InlineData("https://bkp-vault.vault.azure.net/keys/release-signing/v1/sign", false)]
    [InlineData("https://evil.example/keys/release-signing", false)]
    [InlineData("https://bkp-vault.vault.azure.net/keys/release_signing", false)]
    [InlineData("https://bkp-vault.vault.azure.net/keys/release-signing?api-version=7.4", false)]
    public void Key_Vault_key_identifiers_are_read_strictly(string text, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(text, KeyVaultKeyUri.Parse(text, "--key-vault-key").AbsoluteUri);
        }
        else
        {
            var error = Assert.Throws<ReleaseToolException>(() => KeyVaultKeyUri.Parse(text, "--key-vault-key"));
            Assert.Equal(ReleaseExitCodes.BadInput, error.ExitCode);
        }
    }

    private Task<EnvelopeSignature> Sign() => new KeyVaultSigner(_vault.KeyUri(true), _credential, _http).SignAsync("{\"type\":\"test\"}"u8.ToArray(), CancellationToken.None);

    private ReleaseSpec Spec() => new()
    {
        Version = "1.4.0",
        Channel = "stable",
        ValidFor = TimeSpan.FromDays(30),
        Files = ReleaseFileSource.ParseAll([$"linux-x64={_temp.RandomFile("bkp-probe", 4096)}"]),
        OutputDirectory = _temp["out"],
    };

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }
}
