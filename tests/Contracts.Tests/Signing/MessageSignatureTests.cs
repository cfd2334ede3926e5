using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

public sealed class MessageSignatureTests
{
    private static readonly SignedRequest Request = SignedRequest.Sample;

    // The Signature-Input the sample request gets with nonce bytes all zero, written out by hand.
    private const string ExpectedSignatureInput =
        "bkp=(\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\");created=1796299200;expires=1796299500"
        + ";nonce=\"AAAAAAAAAAAAAAAAAAAAAA\";keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\";alg=\"ecdsa-p256-sha256\"";

    // Its signature base per RFC 9421 section 2.5, written out by hand: the second, independent path.
    private const string ExpectedBase =
        "\"@method\": POST\n"
        + "\"@target-uri\": https://collector.example/api/manifests\n"
        + "\"content-digest\": sha-256=:er5zDYkz8/UN/SteTYvij7UsrWJIFEa29Zhg9r577Qk=:\n"
        + "\"x-bkp-branch\": F001\n"
        + "\"@signature-params\": (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\");created=1796299200;expires=1796299500"
        + ";nonce=\"AAAAAAAAAAAAAAAAAAAAAA\";keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\";alg=\"ecdsa-p256-sha256\"";

    [Fact]
    public void Signing_writes_the_profiles_signature_input_and_a_64_byte_signature()
    {
        var headers = Request.SignWithRfcKey();

        Assert.Equal(ExpectedSignatureInput, headers.SignatureInput);
        Assert.StartsWith("bkp=:", headers.Signature, StringComparison.Ordinal);
        Assert.EndsWith(":", headers.Signature, StringComparison.Ordinal);
        Assert.Equal(64, Convert.FromBase64String(headers.Signature[5..^1]).Length);
    }

    [Fact]
    public void The_signature_verifies_with_plain_ecdsa_over_the_hand_written_base()
    {
        var headers = Request.SignWithRfcKey();
        using var key = RfcTestKey.Public();

        var signature = Convert.FromBase64String(headers.Signature["bkp=:".Length..^1]);
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(ExpectedBase), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void A_signature_made_with_plain_ecdsa_over_the_hand_written_base_verifies()
    {
        using var privateKey = RfcTestKey.Private();
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(ExpectedBase), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.True(SignatureInput.TryParse(ExpectedSignatureInput, $"bkp=:{Convert.ToBase64String(signature)}:", out var parsed, out var reason), reason);
        Assert.True(Request.VerifiesWithRfcKey(parsed));
    }

    [Fact]
    public void The_base_is_the_hand_written_one()
    {
        var serializedParams = ExpectedSignatureInput["bkp=".Length..];

        Assert.Equal(ExpectedBase, MessageSignature.Base(Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch, serializedParams));
    }

    [Fact]
    public void A_signed_request_parses_back_to_its_values_and_verifies()
    {
        var headers = Request.SignWithRfcKey(nonceStart: 7);

        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out var reason), reason);
        Assert.Equal("", reason);
        Assert.Equal(SignedRequest.KeyIdOfRfcKey, parsed.KeyId);
        Assert.Equal(SignedRequest.Created, parsed.Created);
        Assert.Equal(SignedRequest.Created + SignedRequest.Lifetime, parsed.Expires);
        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(Enumerable.Repeat((byte)7, 16).ToArray()), parsed.Nonce);
        Assert.Equal(MessageSignature.Algorithm, parsed.Alg);
        Assert.Equal(headers.SignatureInput["bkp=".Length..], parsed.SerializedParams);
        Assert.True(Request.VerifiesWithRfcKey(parsed));
    }

    [Fact]
    public void Each_signature_gets_a_new_nonce_from_the_source()
    {
        using var key = RfcTestKey.Private();
        using var nonces = new CountingNonceSource();
        var first = MessageSignature.Sign(key, SignedRequest.KeyIdOfRfcKey, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch, SignedRequest.Created, SignedRequest.Lifetime, nonces);
        var second = MessageSignature.Sign(key, SignedRequest.KeyIdOfRfcKey, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch, SignedRequest.Created, SignedRequest.Lifetime, nonces);

        Assert.Contains("nonce=\"AAAAAAAAAAAAAAAAAAAAAA\"", first.SignatureInput, StringComparison.Ordinal);
        Assert.Contains("nonce=\"AQEBAQEBAQEBAQEBAQEBAQ\"", second.SignatureInput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_key_signs_with_the_system_random_source_and_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = KeyId.Of(key);
        var headers = MessageSignature.Sign(key, keyId, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch, DateTimeOffset.UtcNow, SignedRequest.Lifetime, RandomNumberGenerator.Create());

        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out var reason), reason);
        Assert.Equal(keyId, parsed.KeyId);
        Assert.True(MessageSignature.Verify(key, parsed, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch));
    }

    public static TheoryData<string, SignedRequest> ChangedComponents => new()
    {
        { "method", Request with { Method = "PUT" } },
        { "target URI path", Request with { TargetUri = "https://collector.example/api/manifest" } },
        { "target URI query", Request with { TargetUri = "https://collector.example/api/manifests?x=1" } },
        { "target URI host", Request with { TargetUri = "https://collector.example.org/api/manifests" } },
        { "target URI scheme", Request with { TargetUri = "http://collector.example/api/manifests" } },
        { "content digest", Request with { ContentDigest = ContentDigest.Of("other-bytes"u8) } },
        { "branch", Request with { Branch = "F002" } },
        { "branch case", Request with { Branch = "f001" } },
    };

    [Theory]
    [MemberData(nameof(ChangedComponents))]
    public void A_request_with_a_changed_covered_component_does_not_verify(string component, SignedRequest changed)
    {
        var headers = Request.SignWithRfcKey();
        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out var reason), reason);

        Assert.True(Request.VerifiesWithRfcKey(parsed));
        Assert.False(changed.VerifiesWithRfcKey(parsed), component);
    }

    [Theory]
    [InlineData("created=1796299200", "created=1796299201")]
    [InlineData("expires=1796299500", "expires=1796299800")]
    [InlineData("nonce=\"AAAAAAAAAAAAAAAAAAAAAA\"", "nonce=\"AAAAAAAAAAAAAAAAAAAAAB\"")]
    [InlineData("keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\"", "keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvJ\"")]
    [InlineData(";created=1796299200;expires=1796299500", ";expires=1796299500;created=1796299200")]
    public void A_signature_input_with_a_changed_parameter_parses_but_does_not_verify(string original, string changed)
    {
        var headers = Request.SignWithRfcKey();
        var tampered = headers.SignatureInput.Replace(original, changed, StringComparison.Ordinal);
        Assert.NotEqual(headers.SignatureInput, tampered);

        Assert.True(SignatureInput.TryParse(tampered, headers.Signature, out var parsed, out var reason), reason);
        Assert.False(Request.VerifiesWithRfcKey(parsed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(63)]
    public void A_signature_with_a_changed_bit_does_not_verify(int byteIndex)
    {
        var headers = Request.SignWithRfcKey();
        var signature = Convert.FromBase64String(headers.Signature[5..^1]);
        signature[byteIndex] ^= 0x10;

        Assert.True(SignatureInput.TryParse(headers.SignatureInput, $"bkp=:{Convert.ToBase64String(signature)}:", out var parsed, out var reason), reason);
        Assert.False(Request.VerifiesWithRfcKey(parsed));
    }

    [Fact]
    public void Another_key_does_not_verify_the_signature()
    {
        var headers = Request.SignWithRfcKey();
        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out _));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(MessageSignature.Verify(other, parsed, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch));
    }

    [Fact]
    public void Header_values_are_covered_trimmed_of_surrounding_spaces_and_tabs()
    {
        var headers = Request.SignWithRfcKey();
        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out _));

        Assert.True((Request with { Branch = " F001\t", ContentDigest = "  " + Request.ContentDigest }).VerifiesWithRfcKey(parsed));
    }

    public static TheoryData<string, SignedRequest, string> Unsignable => new()
    {
        { "lowercase method", Request with { Method = "post" }, "The method 'post' must be an uppercase HTTP method such as POST." },
        { "empty method", Request with { Method = "" }, "The method '' must be an uppercase HTTP method such as POST." },
        { "relative URI", Request with { TargetUri = "/api/manifests" }, "The target URI '/api/manifests' must be an absolute http or https URI without a fragment." },
        { "ftp URI", Request with { TargetUri = "ftp://collector.example/x" }, "The target URI 'ftp://collector.example/x' must be an absolute http or https URI without a fragment." },
        { "fragment", Request with { TargetUri = "https://collector.example/api#x" }, "The target URI 'https://collector.example/api#x' must be an absolute http or https URI without a fragment." },
        { "space in URI", Request with { TargetUri = "https://collector.example/a b" }, "The target URI 'https://collector.example/a b' must be 1 to 4096 printable ASCII characters with no spaces." },
        { "line break in branch", Request with { Branch = "F001\n\"@method\": GET" }, "The x-bkp-branch header value 'F001\\n\"@method\": GET' holds a character other than printable ASCII, space or tab." },
        { "non-ASCII branch", Request with { Branch = "Filial-São" }, "The x-bkp-branch header value 'Filial-São' holds a character other than printable ASCII, space or tab." },
        { "empty branch", Request with { Branch = " " }, "The x-bkp-branch header value must be 1 to 4096 characters." },
        { "CR in digest", Request with { ContentDigest = "sha-256=:AAAA:\r" }, "The content-digest header value 'sha-256=:AAAA:\\r' holds a character other than printable ASCII, space or tab." },
    };

    [Theory]
    [MemberData(nameof(Unsignable))]
    public void Values_that_cannot_be_signed_are_refused_by_sign_and_base_and_fail_verification(string what, SignedRequest request, string expected)
    {
        var serializedParams = ExpectedSignatureInput["bkp=".Length..];

        var baseError = Assert.Throws<ArgumentException>(() => MessageSignature.Base(request.Method, request.TargetUri, request.ContentDigest, request.Branch, serializedParams));
        Assert.Equal(expected, baseError.Message);
        var signError = Assert.Throws<ArgumentException>(() => request.SignWithRfcKey());
        Assert.Equal(expected, signError.Message);

        var headers = Request.SignWithRfcKey();
        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out _));
        Assert.False(request.VerifiesWithRfcKey(parsed), what);
    }

    [Fact]
    public void Serialized_params_with_a_line_break_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => MessageSignature.Base("POST", Request.TargetUri, Request.ContentDigest, Request.Branch, "();created=1\n\"@method\": GET"));
        Assert.Equal("The serialized signature parameters must be an inner list of printable ASCII characters.", error.Message);
    }

    [Fact]
    public void Signing_refuses_a_key_id_that_is_not_the_keys()
    {
        using var key = RfcTestKey.Private();
        using var nonces = new CountingNonceSource();

        var error = Assert.Throws<ArgumentException>(() => MessageSignature.Sign(key, "test-key-ecc-p256", Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch, SignedRequest.Created, SignedRequest.Lifetime, nonces));
        Assert.StartsWith("The key id is not the JWK thumbprint (KeyId.Of) of the signing key.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(86_401)]
    public void Signing_refuses_a_lifetime_outside_one_second_to_one_day(int seconds)
    {
        using var key = RfcTestKey.Private();
        using var nonces = new CountingNonceSource();

        Assert.Throws<ArgumentOutOfRangeException>(() => MessageSignature.Sign(key, SignedRequest.KeyIdOfRfcKey, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch, SignedRequest.Created, TimeSpan.FromSeconds(seconds), nonces));
    }

    [Fact]
    public void Verifying_with_a_key_on_another_curve_is_a_caller_error()
    {
        var headers = Request.SignWithRfcKey();
        Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out _));
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => MessageSignature.Verify(p384, parsed, Request.Method, Request.TargetUri, Request.ContentDigest, Request.Branch));
    }
}
