using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

public sealed class SignatureInputTests
{
    private const string Components = "(\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\")";

    private const string Params =
        ";created=1796299200;expires=1796299500;nonce=\"AAAAAAAAAAAAAAAAAAAAAA\";keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\";alg=\"ecdsa-p256-sha256\"";

    private const string Input = "bkp=" + Components + Params;

    // 64 zero bytes: the parser checks the shape only, the signature's worth is Verify's.
    private static readonly string Signature = $"bkp=:{Convert.ToBase64String(new byte[64])}:";

    [Fact]
    public void A_profile_signature_parses_to_its_values()
    {
        Assert.True(SignatureInput.TryParse(Input, Signature, out var parsed, out var reason), reason);

        Assert.Equal("ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI", parsed.KeyId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796299200), parsed.Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796299500), parsed.Expires);
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAA", parsed.Nonce);
        Assert.Equal("ecdsa-p256-sha256", parsed.Alg);
        Assert.Equal(new byte[64], parsed.Signature);
        Assert.Equal(Components + Params, parsed.SerializedParams);
    }

    [Theory]
    [InlineData("  " + Input + " \t", Components + Params)]
    [InlineData("bkp=( \"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\" )" + Params, Components + Params)]
    [InlineData("bkp=" + Components + ";alg=\"ecdsa-p256-sha256\"; created=1796299200;expires=1796299500;keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\";nonce=\"AAAAAAAAAAAAAAAAAAAAAA\"",
        Components + ";alg=\"ecdsa-p256-sha256\";created=1796299200;expires=1796299500;keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\";nonce=\"AAAAAAAAAAAAAAAAAAAAAA\"")]
    public void Serialized_params_are_the_canonical_serialization_in_the_order_received(string input, string serialized)
    {
        Assert.True(SignatureInput.TryParse(input, Signature, out var parsed, out var reason), reason);
        Assert.Equal(serialized, parsed.SerializedParams);
    }

    public static TheoryData<string, string?, string?, string> Refusals => new()
    {
        { "no Signature-Input", null, Signature, "Signature-Input is missing." },
        { "blank Signature-Input", " ", Signature, "Signature-Input is missing." },
        { "no Signature", Input, null, "Signature is missing." },
        { "wrong label", "sig1=" + Components + Params, Signature, "Signature-Input: the label 'sig1' is not accepted; only one signature, labelled 'bkp', is." },
        { "second label", Input + ", sig2=(\"@method\");created=1", Signature, "Signature-Input: the label 'sig2' is not accepted; only one signature, labelled 'bkp', is." },
        { "label twice", Input + ", " + Input, Signature, "Signature-Input: the key 'bkp' appears twice (at character 209)" },
        { "bare label", "bkp", Signature, "Signature-Input: 'bkp' must be an inner list of covered components, such as (\"@method\" ...)." },
        { "label with an item", "bkp=\"@method\"" + Params, Signature, "Signature-Input: 'bkp' must be an inner list of covered components, such as (\"@method\" ...)." },
        { "extra component", "bkp=(\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\" \"content-type\")" + Params, Signature,
            "Signature-Input: 'bkp' covers (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\" \"content-type\"); exactly (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\"), in this order, is required." },
        { "missing component", "bkp=(\"@method\" \"@target-uri\" \"content-digest\")" + Params, Signature,
            "Signature-Input: 'bkp' covers (\"@method\" \"@target-uri\" \"content-digest\"); exactly (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\"), in this order, is required." },
        { "reordered components", "bkp=(\"@target-uri\" \"@method\" \"content-digest\" \"x-bkp-branch\")" + Params, Signature,
            "Signature-Input: 'bkp' covers (\"@target-uri\" \"@method\" \"content-digest\" \"x-bkp-branch\"); exactly (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\"), in this order, is required." },
        { "no components", "bkp=()" + Params, Signature,
            "Signature-Input: 'bkp' covers (); exactly (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\"), in this order, is required." },
        { "component with a parameter", "bkp=(\"@method\" \"@target-uri\" \"content-digest\";sf \"x-bkp-branch\")" + Params, Signature,
            "Signature-Input: 'bkp' covers components that are not plain strings; exactly (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\"), in this order, is required." },
        { "component as a token", "bkp=(method \"@target-uri\" \"content-digest\" \"x-bkp-branch\")" + Params, Signature,
            "Signature-Input: 'bkp' covers components that are not plain strings; exactly (\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\"), in this order, is required." },
        { "missing created", Input.Replace(";created=1796299200", "", StringComparison.Ordinal), Signature, "Signature-Input: the parameter 'created' is missing." },
        { "missing expires", Input.Replace(";expires=1796299500", "", StringComparison.Ordinal), Signature, "Signature-Input: the parameter 'expires' is missing." },
        { "missing nonce", Input.Replace(";nonce=\"AAAAAAAAAAAAAAAAAAAAAA\"", "", StringComparison.Ordinal), Signature, "Signature-Input: the parameter 'nonce' is missing." },
        { "missing keyid", Input.Replace(";keyid=\"ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI\"", "", StringComparison.Ordinal), Signature, "Signature-Input: the parameter 'keyid' is missing." },
        { "missing alg", Input.Replace(";alg=\"ecdsa-p256-sha256\"", "", StringComparison.Ordinal), Signature, "Signature-Input: the parameter 'alg' is missing." },
        { "unknown parameter", Input + ";tag=\"bkp\"", Signature, "Signature-Input: the parameter 'tag' is not accepted; only created, expires, nonce, keyid, alg are." },
        { "parameter twice", Input + ";alg=\"ecdsa-p256-sha256\"", Signature, "Signature-Input: the parameter 'alg' appears twice (at character 208)" },
        { "created twice", Input + ";created=1796299201", Signature, "Signature-Input: the parameter 'created' appears twice (at character 208)" },
        { "wrong alg", Input.Replace("ecdsa-p256-sha256", "rsa-pss-sha512", StringComparison.Ordinal), Signature, "Signature-Input: the alg 'rsa-pss-sha512' is not accepted; only 'ecdsa-p256-sha256' is." },
        { "alg as a token", Input.Replace("\"ecdsa-p256-sha256\"", "ecdsa-p256-sha256", StringComparison.Ordinal), Signature, "Signature-Input: alg must be a string, not the token ecdsa-p256-sha256." },
        { "created as a string", Input.Replace("created=1796299200", "created=\"1796299200\"", StringComparison.Ordinal), Signature, "Signature-Input: created must be an integer of Unix seconds, not a string." },
        { "created negative", Input.Replace("created=1796299200", "created=-1", StringComparison.Ordinal), Signature, "Signature-Input: created must be an integer of Unix seconds, not the integer -1." },
        { "created a decimal", Input.Replace("created=1796299200", "created=1796299200.50", StringComparison.Ordinal), Signature, "Signature-Input: created must be an integer of Unix seconds, not the decimal 1796299200.5." },
        { "created past year 9999", Input.Replace("created=1796299200", "created=999999999999999", StringComparison.Ordinal), Signature, "Signature-Input: created must be an integer of Unix seconds, not the integer 999999999999999." },
        { "created a boolean", Input.Replace("created=1796299200", "created", StringComparison.Ordinal), Signature, "Signature-Input: created must be an integer of Unix seconds, not a boolean." },
        { "integer of 16 digits", Input.Replace("created=1796299200", "created=1234567890123456", StringComparison.Ordinal), Signature, "Signature-Input: an integer has at most 15 digits (at character 71)" },
        { "expires not after created", Input.Replace("expires=1796299500", "expires=1796299200", StringComparison.Ordinal), Signature, "Signature-Input: expires (1796299200) must be later than created (1796299200)." },
        { "short nonce", Input.Replace("AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal), Signature, "Signature-Input: the nonce must be 22 to 128 base64url characters (at least 128 random bits)." },
        { "nonce not base64url", Input.Replace("AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA+", StringComparison.Ordinal), Signature, "Signature-Input: the nonce must be 22 to 128 base64url characters (at least 128 random bits)." },
        { "long nonce", Input.Replace("AAAAAAAAAAAAAAAAAAAAAA", new string('A', 132), StringComparison.Ordinal), Signature, "Signature-Input: the nonce must be 22 to 128 base64url characters (at least 128 random bits)." },
        { "key id not a thumbprint", Input.Replace("ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI", "test-key-ecc-p256", StringComparison.Ordinal), Signature, "Signature-Input: the keyid must be a JWK thumbprint, 43 base64url characters." },
        { "non-ASCII in a string", Input.Replace("keyid=\"y", "keyid=\"é", StringComparison.Ordinal), Signature, "Signature-Input: a string may hold only printable ASCII characters (at character 139)" },
        { "line break between parameters", Input.Replace(";alg", "\n;alg", StringComparison.Ordinal), Signature, "Signature-Input: expected ',' between members (at character 183)" },
        { "bad escape in a string", Input.Replace("keyid=\"y", "keyid=\"\\y", StringComparison.Ordinal), Signature, "Signature-Input: in a string, '\\' may only escape '\"' or '\\' (at character 140)" },
        { "unclosed string", "bkp=(\"@method", Signature, "Signature-Input: the string is not closed with '\"' (at character 6)" },
        { "unclosed inner list", "bkp=(\"@method\"", Signature, "Signature-Input: the inner list is not closed with ')' (at the end of the value)" },
        { "items not separated", "bkp=(\"@method\"\"@target-uri\")", Signature, "Signature-Input: expected a space or ')' after an item of an inner list (at character 15)" },
        { "trailing comma", Input + ",", Signature, "Signature-Input: a ',' must be followed by another member (at the end of the value)" },
        { "uppercase key", "BKP=" + Components + Params, Signature, "Signature-Input: expected a key (starting with a lowercase letter or '*') (at character 1)" },
        { "unquoted component", "bkp=(@method)" + Params, Signature, "Signature-Input: dates and display strings are not accepted here (at character 6)" },
        { "oversized Signature-Input", Input + new string(' ', 4097 - Input.Length), Signature, "Signature-Input is 4097 characters long; at most 4096 are accepted." },
        { "oversized Signature", Input, Signature + new string(' ', 4097 - Signature.Length), "Signature is 4097 characters long; at most 4096 are accepted." },
        { "wrong signature label", Input, "sig1" + Signature[3..], "Signature: the label 'sig1' is not accepted; only one signature, labelled 'bkp', is." },
        { "signature twice", Input, Signature + ", " + Signature, "Signature: the key 'bkp' appears twice (at character 97)" },
        { "signature as a string", Input, "bkp=\"" + Signature[5..^1] + "\"", "Signature: 'bkp' must be one byte sequence (:base64:) with no parameters." },
        { "signature with a parameter", Input, Signature + ";alg=\"ecdsa-p256-sha256\"", "Signature: 'bkp' must be one byte sequence (:base64:) with no parameters." },
        { "signature unpadded", Input, Signature.Replace("==:", ":", StringComparison.Ordinal), "Signature: the byte sequence is not valid padded base64 (at character 5)" },
        { "signature in base64url", Input, "bkp=:" + new string('_', 86) + "==:", "Signature: a byte sequence holds only base64 characters (A-Z, a-z, 0-9, '+', '/', '=') (at character 6)" },
        { "signature too short", Input, "bkp=:AAAA:", "Signature: the signature is 3 bytes; an ecdsa-p256-sha256 signature (r||s) is 64." },
        { "DER signature", Input, $"bkp=:{Convert.ToBase64String(new byte[72])}:", "Signature: the signature is 72 bytes; an ecdsa-p256-sha256 signature (r||s) is 64." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_signature_outside_the_profile_is_refused_saying_what_and_where(string what, string? input, string? signature, string expected)
    {
        Assert.False(SignatureInput.TryParse(input, signature, out var parsed, out var reason), what);
        Assert.Null(parsed);
        Assert.Equal(expected, reason);
    }
}
