using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

/// <summary>
/// Properties of the profile over many generated inputs (seeded, so a failure names its seed and repeats):
/// hostile header text never escapes as an exception; any one-character change to signed headers is refused or
/// fails verification unless it leaves what is signed unchanged; and requests of every shape round-trip.
/// CsCheck is not referenced by this project, so these are plain theories over seeds.
/// </summary>
public sealed class SignaturePropertyTests
{
    // Characters that mean something to Structured Fields, plus a few that must never be accepted.
    private const string Alphabet = "bkp=():;\"\\ ,*?@%-._/+0123456789azAZ\t\n\ré\0";

    private static readonly string[] ProfileHeaders =
    [
        SignedRequest.Sample.SignWithRfcKey().SignatureInput,
        "sha-256=:er5zDYkz8/UN/SteTYvij7UsrWJIFEa29Zhg9r577Qk=:, sha-512=:AAAA:",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_header_text_is_refused_or_read_but_never_throws(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var text = i % 2 == 0 ? Noise(random) : Splice(random, ProfileHeaders[random.Next(ProfileHeaders.Length)]);

            var parsed = SignatureInput.TryParse(text, text, out var signature, out var reason);
            Assert.Equal(parsed, signature is not null);
            Assert.Equal(parsed, reason.Length == 0);
            Assert.True(parsed || reason.StartsWith("Signature", StringComparison.Ordinal), $"seed {seed}: {text} -> {reason}");

            var digest = ContentDigest.TryParse(text, out var sha256, out reason);
            Assert.Equal(digest, sha256 is { Length: 32 });
            Assert.True(digest || reason.StartsWith("Content-Digest", StringComparison.Ordinal), $"seed {seed}: {text} -> {reason}");
        }
    }

    [Fact]
    public void Every_one_character_change_to_a_signature_input_is_refused_or_fails_unless_the_params_are_unchanged()
    {
        var request = SignedRequest.Sample;
        var headers = request.SignWithRfcKey();
        var original = headers.SignatureInput["bkp=".Length..];
        using var key = RfcTestKey.Public();

        var (accepted, verified) = (0, 0);
        foreach (var changed in OneCharacterChanges(headers.SignatureInput))
        {
            if (!SignatureInput.TryParse(changed, headers.Signature, out var parsed, out _))
            {
                continue;
            }

            var verifies = MessageSignature.Verify(key, parsed, request.Method, request.TargetUri, request.ContentDigest, request.Branch);
            Assert.True(verifies == (parsed.SerializedParams == original), changed);
            (accepted, verified) = (accepted + 1, verified + (verifies ? 1 : 0));
        }

        // Not vacuous: changed values in nonce, keyid and times still parse, and spaces Structured Fields allows
        // (after '(' or ';', around the value) leave the serialization, and so the signature, intact.
        Assert.InRange(accepted, 500, int.MaxValue);
        Assert.InRange(verified, 3, accepted - 500);
    }

    [Fact]
    public void Every_one_character_change_to_a_signature_is_refused_or_fails_unless_the_bytes_are_unchanged()
    {
        var request = SignedRequest.Sample;
        var headers = request.SignWithRfcKey();
        var original = Convert.FromBase64String(headers.Signature["bkp=:".Length..^1]);
        using var key = RfcTestKey.Public();

        var accepted = 0;
        foreach (var changed in OneCharacterChanges(headers.Signature))
        {
            if (!SignatureInput.TryParse(headers.SignatureInput, changed, out var parsed, out _))
            {
                continue;
            }

            var verifies = MessageSignature.Verify(key, parsed, request.Method, request.TargetUri, request.ContentDigest, request.Branch);
            Assert.True(verifies == parsed.Signature.AsSpan().SequenceEqual(original), changed);
            accepted++;
        }

        Assert.InRange(accepted, 500, int.MaxValue);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Requests_of_any_shape_sign_parse_back_and_verify_and_fail_once_changed(int seed)
    {
        var random = new Random(seed);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var nonces = RandomNumberGenerator.Create();
        var keyId = KeyId.Of(key);
        for (var i = 0; i < 10; i++)
        {
            var request = new SignedRequest(
                random.Next(3) switch { 0 => "POST", 1 => "PUT", _ => "GET" },
                $"https://{Word(random, "abcxyz019-")}.example/{Word(random, "abc/._~%20")}" + (random.Next(2) == 0 ? "" : $"?{Word(random, "ab=&019")}"),
                ContentDigest.Of(Encoding.UTF8.GetBytes(Word(random, "abcé{}\"\n"))),
                Word(random, "ABCxyz019._-"));
            var created = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(0, 4_102_444_800));
            var lifetime = TimeSpan.FromSeconds(random.Next(1, 86_400));

            var headers = MessageSignature.Sign(key, keyId, request.Method, request.TargetUri, request.ContentDigest, request.Branch, created, lifetime, nonces);

            Assert.True(SignatureInput.TryParse(headers.SignatureInput, headers.Signature, out var parsed, out var reason), $"seed {seed}: {reason}");
            Assert.Equal(keyId, parsed.KeyId);
            Assert.Equal(created, parsed.Created);
            Assert.Equal(created + lifetime, parsed.Expires);
            Assert.Equal(headers.SignatureInput["bkp=".Length..], parsed.SerializedParams);
            Assert.True(MessageSignature.Verify(key, parsed, request.Method, request.TargetUri, request.ContentDigest, request.Branch), $"seed {seed}: {request}");

            var changed = random.Next(3) switch
            {
                0 => request with { TargetUri = request.TargetUri + "x" },
                1 => request with { Branch = request.Branch + "x" },
                _ => request with { ContentDigest = ContentDigest.Of(Encoding.UTF8.GetBytes(request.ContentDigest)) },
            };
            Assert.False(MessageSignature.Verify(key, parsed, changed.Method, changed.TargetUri, changed.ContentDigest, changed.Branch), $"seed {seed}: {changed}");
        }
    }

    /// <summary>Each character deleted, replaced by each alphabet character, and each alphabet character inserted before it.</summary>
    private static IEnumerable<string> OneCharacterChanges(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            yield return text.Remove(i, 1);
            foreach (var c in Alphabet)
            {
                if (c != text[i])
                {
                    yield return string.Concat(text.AsSpan(0, i), c.ToString(), text.AsSpan(i + 1));
                }

                yield return text.Insert(i, c.ToString());
            }
        }
    }

    private static string Noise(Random random)
    {
        var chars = new char[random.Next(0, 200)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A valid header with a random slice replaced by noise, so the parse gets deep before it meets the fault.</summary>
    private static string Splice(Random random, string header)
    {
        var at = random.Next(header.Length);
        var length = random.Next(0, Math.Min(8, header.Length - at) + 1);
        return string.Concat(header.AsSpan(0, at), Word(random, Alphabet), header.AsSpan(at + length));
    }

    private static string Word(Random random, string alphabet)
    {
        var chars = new char[random.Next(1, 12)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
