using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

public sealed class ContentDigestTests
{
    // RFC 9530 Appendix B: the content {"hello": "world"} and its sha-256 and sha-512 digests.
    private static readonly byte[] HelloWorld = Encoding.ASCII.GetBytes("{\"hello\": \"world\"}");

    private const string HelloWorldSha256 = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

    private const string HelloWorldSha512 = "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

    [Fact]
    public void The_header_for_the_rfc_example_content_is_the_rfcs_sha256_value()
    {
        Assert.Equal(HelloWorldSha256, ContentDigest.Of(HelloWorld));
    }

    [Fact]
    public void The_rfcs_sha512_value_is_the_sha512_of_the_same_content()
    {
        Assert.Equal(HelloWorldSha512, $"sha-512=:{Convert.ToBase64String(SHA512.HashData(HelloWorld))}:");
    }

    [Fact]
    public void An_empty_body_has_the_sha256_of_nothing()
    {
        Assert.Equal("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", ContentDigest.Of([]));
    }

    [Theory]
    [InlineData(HelloWorldSha256)]
    [InlineData(HelloWorldSha512 + ", " + HelloWorldSha256)]
    [InlineData(HelloWorldSha256 + ",sha-512=:AAAA:")]
    [InlineData("  " + HelloWorldSha256 + " \t")]
    [InlineData("unixsum=30637, " + HelloWorldSha256 + ";note=\"params are ignored\"")]
    public void The_sha256_member_is_picked_among_others_and_matches_its_body(string header)
    {
        Assert.True(ContentDigest.TryParse(header, out var digest, out var reason), reason);
        Assert.Equal(SHA256.HashData(HelloWorld), digest);
        Assert.True(ContentDigest.Matches(header, HelloWorld, out reason), reason);
        Assert.Equal("", reason);
    }

    [Fact]
    public void Another_body_does_not_match()
    {
        Assert.False(ContentDigest.Matches(HelloWorldSha256, Encoding.ASCII.GetBytes("{\"hello\": \"world!\"}"), out var reason));
        Assert.Equal("Content-Digest: the sha-256 digest does not match the body received.", reason);
    }

    [Theory]
    [InlineData(null, "Content-Digest is missing.")]
    [InlineData("", "Content-Digest is missing.")]
    [InlineData(" ", "Content-Digest is missing.")]
    [InlineData(HelloWorldSha512, "Content-Digest has no sha-256 digest (it lists sha-512).")]
    [InlineData("sha-256=\"X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\"", "Content-Digest: the sha-256 digest must be a byte sequence (:base64:).")]
    [InlineData("sha-256", "Content-Digest: the sha-256 digest must be a byte sequence (:base64:).")]
    [InlineData("sha-256=(:AAAA:)", "Content-Digest: the sha-256 digest must be a byte sequence (:base64:).")]
    [InlineData("sha-256=:AAAA:", "Content-Digest: the sha-256 digest is 3 bytes; SHA-256 gives 32.")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE:", "Content-Digest: the byte sequence is not valid padded base64 (at character 9)")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", "Content-Digest: the byte sequence is not closed with ':' (at character 9)")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJ RJN3OWDUoyWxBf7kbu9DBPE=:", "Content-Digest: a byte sequence holds only base64 characters (A-Z, a-z, 0-9, '+', '/', '=') (at character 30)")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE-:", "Content-Digest: a byte sequence holds only base64 characters (A-Z, a-z, 0-9, '+', '/', '=') (at character 53)")]
    [InlineData("SHA-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", "Content-Digest: expected a key (starting with a lowercase letter or '*') (at character 1)")]
    [InlineData(HelloWorldSha256 + ",", "Content-Digest: a ',' must be followed by another member (at the end of the value)")]
    [InlineData(HelloWorldSha256 + " " + HelloWorldSha512, "Content-Digest: expected ',' between members (at character 56)")]
    [InlineData(HelloWorldSha256 + ", " + HelloWorldSha256, "Content-Digest: the key 'sha-256' appears twice (at character 57)")]
    [InlineData("sha-512=:AAAA:, sha-256=", "Content-Digest: expected a value (at the end of the value)")]
    public void Malformed_or_unusable_headers_are_refused_saying_why(string? header, string expected)
    {
        Assert.False(ContentDigest.TryParse(header, out var digest, out var reason));
        Assert.Null(digest);
        Assert.Equal(expected, reason);
        Assert.False(ContentDigest.Matches(header, HelloWorld, out var matchReason));
        Assert.Equal(expected, matchReason);
    }

    [Fact]
    public void A_header_over_4_kb_is_refused_before_it_is_read()
    {
        var header = HelloWorldSha256 + ", x=\"" + new string('a', 4096) + "\"";

        Assert.False(ContentDigest.TryParse(header, out _, out var reason));
        Assert.Equal($"Content-Digest is {header.Length} characters long; at most 4096 are accepted.", reason);
    }
}
