using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

/// <summary>
/// RFC 9421's own example of ecdsa-p256-sha256, Appendix B.2.4 ("sig-b24"), signed with "test-key-ecc-p256"
/// (Appendix B.1.3) over the test response of Appendix B.2. It covers "@status", "content-type", "content-digest" and
/// "content-length", which the profile does not, and has no expires, nonce or alg, so the profile's parser refuses
/// it (asserted below). The pieces that apply are checked through the internal general path the profile itself is
/// built on: the Structured Fields parser reads the RFC's Signature-Input and Signature, the writer serializes the
/// inner list back, the base builder rebuilds the RFC's signature base byte for byte, and ECDSA P-256 over SHA-256 in
/// r||s form verifies the RFC's signature with the RFC's public key.
/// </summary>
public sealed class Rfc9421VectorsTests
{
    // RFC 9421 Appendix B.2, the test response message (only the covered fields matter).
    private const string TestResponse = """
        HTTP/1.1 200 OK
        Date: Tue, 20 Apr 2021 02:07:56 GMT
        Content-Type: application/json
        Content-Digest: sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:
        Content-Length: 23

        {"message": "good dog"}
        """;

    private static readonly string[] ResponseLines = TestResponse.ReplaceLineEndings("\n").Split('\n');

    // RFC 9421 Appendix B.2.4, the header fields added under the label sig-b24 (RFC 8792 line wrapping undone).
    private const string B24SignatureInput =
        "sig-b24=(\"@status\" \"content-type\" \"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-ecc-p256\"";

    private const string B24Signature =
        "sig-b24=:wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==:";

    // RFC 9421 Appendix B.2.4, the signature base (RFC 8792 line wrapping undone), LF separated, no trailing LF.
    private const string B24SignatureBase =
        "\"@status\": 200\n"
        + "\"content-type\": application/json\n"
        + "\"content-digest\": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:\n"
        + "\"content-length\": 23\n"
        + "\"@signature-params\": (\"@status\" \"content-type\" \"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-ecc-p256\"";

    [Fact]
    public void The_b24_signature_base_is_rebuilt_byte_for_byte_from_the_example_response()
    {
        Assert.Equal(Encoding.ASCII.GetBytes(B24SignatureBase), Encoding.ASCII.GetBytes(RebuildB24Base()));
    }

    [Fact]
    public void The_b24_signature_verifies_with_the_rfc_public_key()
    {
        using var key = RfcTestKey.Public();
        var signature = B24SignatureBytes();

        Assert.Equal(64, signature.Length);
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(RebuildB24Base()), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_b24_signature_fails_over_a_base_changed_by_one_byte()
    {
        using var key = RfcTestKey.Public();
        var changed = RebuildB24Base().Replace("\"@status\": 200", "\"@status\": 201", StringComparison.Ordinal);

        Assert.False(key.VerifyData(Encoding.ASCII.GetBytes(changed), B24SignatureBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_example_responses_content_digest_is_the_sha512_of_its_body()
    {
        var body = Encoding.ASCII.GetBytes(ResponseLines[^1]);

        Assert.Equal(Field("Content-Digest"), $"sha-512=:{Convert.ToBase64String(SHA512.HashData(body))}:");
    }

    [Fact]
    public void The_profile_parser_refuses_the_b24_example_naming_its_label()
    {
        Assert.False(SignatureInput.TryParse(B24SignatureInput, B24Signature, out _, out var reason));
        Assert.Equal("Signature-Input: the label 'sig-b24' is not accepted; only one signature, labelled 'bkp', is.", reason);
    }

    [Fact]
    public void The_rfc_test_key_has_the_published_public_point()
    {
        using var key = RfcTestKey.Private();
        var parameters = key.ExportParameters(includePrivateParameters: false);

        Assert.Equal(RfcTestKey.X, System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.X));
        Assert.Equal(RfcTestKey.Y, System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.Y));
        Assert.Equal(RfcTestKey.PublicKeyBase64, PublicKeyInfo.Export(key));
    }

    private static string RebuildB24Base()
    {
        Assert.True(StructuredFieldParser.TryParseDictionary(B24SignatureInput, "Signature-Input", out var members, out var reason), reason);
        var member = Assert.Single(members);
        Assert.Equal("sig-b24", member.Key);
        Assert.NotNull(member.InnerList);

        // RFC 9421 section 2.2.9: "@status" is the status code as three digits; section 2.1: a field's value trimmed.
        var components = member.InnerList.Select(c => c.Value.Text switch
        {
            "@status" => new KeyValuePair<string, string>("@status", ResponseLines[0].Split(' ')[1]),
            var name => new KeyValuePair<string, string>(name, Field(name)),
        }).ToList();
        return SignatureBase.Build(components, StructuredFieldWriter.InnerList(member.InnerList, member.Parameters));
    }

    private static byte[] B24SignatureBytes()
    {
        Assert.True(StructuredFieldParser.TryParseDictionary(B24Signature, "Signature", out var members, out var reason), reason);
        var member = Assert.Single(members);
        Assert.Equal("sig-b24", member.Key);
        return Assert.IsType<byte[]>(member.Value?.Bytes);
    }

    /// <summary>The value of a header of the test response, found case-insensitively and trimmed.</summary>
    private static string Field(string name)
    {
        var line = ResponseLines.Single(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line[(name.Length + 1)..].Trim(' ', '\t');
    }
}
