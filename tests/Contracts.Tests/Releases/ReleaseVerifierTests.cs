using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Releases;
using static MonitoramentoBKP.Contracts.Tests.Releases.TestReleases;

namespace MonitoramentoBKP.Contracts.Tests.Releases;

/// <summary>Every rule of a release's verification, each refusal on its own, with a document that passes every other rule.</summary>
public sealed class ReleaseVerifierTests : IDisposable
{
    private readonly ECDsa _key = NewKey();
    private readonly ECDsa _other = NewKey();

    public void Dispose()
    {
        _key.Dispose();
        _other.Dispose();
    }

    private ReleaseCheck Verify(byte[] envelope, string channel = "stable", string runtime = "linux-x64", string? highest = "1.4.0", DateTime? now = null) =>
        ReleaseVerifier.VerifyRelease(envelope, Trust(_key), channel, runtime, highest is null ? null : ReleaseVersion.Parse(highest), now ?? Now);

    private static ReleaseRefusal Refused(ReleaseCheck check, ReleaseRefusalKind kind)
    {
        Assert.False(check.Accepted, "the release was accepted");
        Assert.Equal(kind, check.Refusal!.Kind);
        Assert.NotEmpty(check.Refusal.Reason);
        return check.Refusal;
    }

    [Fact]
    public void A_release_signed_by_a_trusted_key_is_accepted_with_the_file_for_this_runtime()
    {
        var check = Verify(Envelope(Document(), _key), runtime: "win-x64");

        Assert.True(check.Accepted, check.Refusal?.ToString());
        Assert.Equal("1.5.0", check.Document!.Version);
        Assert.Equal("bkp-probe.exe", check.File!.Name);
    }

    [Fact]
    public void One_valid_signature_by_a_trusted_key_is_enough_beside_a_signature_by_an_unknown_key()
    {
        Assert.True(Verify(Envelope(Document(), _other, _key)).Accepted);
    }

    [Fact]
    public void A_first_release_is_accepted_when_nothing_was_accepted_before()
    {
        Assert.True(Verify(Envelope(Document("0.1.1"), _key), highest: null).Accepted);
    }

    [Fact]
    public void A_signature_over_other_bytes_is_refused_as_a_bad_signature()
    {
        var signed = Signed(Document());
        var signature = EnvelopeSigning.Sign(signed, _key);
        var tampered = Signed(Document() with { Files = [File(sha256: new string('b', 64))] });

        Refused(Verify(SignedEnvelope.Write(tampered, [signature])), ReleaseRefusalKind.BadSignature);
    }

    [Fact]
    public void A_garbled_signature_by_a_trusted_key_id_is_refused_as_a_bad_signature()
    {
        var signed = Signed(Document());
        var signature = EnvelopeSigning.Sign(signed, _key) with { Sig = Convert.ToBase64String(new byte[64]) };

        Refused(Verify(SignedEnvelope.Write(signed, [signature])), ReleaseRefusalKind.BadSignature);
    }

    [Fact]
    public void An_envelope_without_signatures_is_refused_as_missing_its_signature()
    {
        Refused(Verify(Envelope(Document())), ReleaseRefusalKind.MissingSignature);
    }

    [Fact]
    public void A_release_signed_only_by_an_unknown_key_is_refused()
    {
        var refusal = Refused(Verify(Envelope(Document(), _other)), ReleaseRefusalKind.UnknownKey);
        Assert.Contains(Contracts.Signing.KeyId.Of(_other), refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_trusted_keys_every_release_is_refused()
    {
        var check = ReleaseVerifier.VerifyRelease(Envelope(Document(), _key), new Dictionary<string, ECDsa>(), "stable", "linux-x64", null, Now);
        Refused(check, ReleaseRefusalKind.UnknownKey);
    }

    [Fact]
    public void An_expired_release_is_refused_even_though_its_signature_is_good()
    {
        var document = Document();
        var check = Verify(Envelope(document, _key), now: document.ExpiresUtc);

        Refused(check, ReleaseRefusalKind.Expired);
        Assert.Equal("1.5.0", check.Document?.Version);
    }

    [Theory]
    [InlineData("1.4.0")]
    [InlineData("1.4")]
    [InlineData("1.3.9")]
    public void A_version_not_newer_than_the_highest_accepted_is_refused_as_a_rollback(string version)
    {
        var check = Verify(Envelope(Document(version), _key), highest: "1.4.0");

        Refused(check, ReleaseRefusalKind.NotNewer);
        Assert.Equal(version, check.Document?.Version);
    }

    [Fact]
    public void A_release_of_another_channel_is_refused()
    {
        Refused(Verify(Envelope(Document(channel: "pilot"), _key)), ReleaseRefusalKind.WrongChannel);
    }

    [Fact]
    public void A_release_without_a_file_for_this_runtime_is_refused()
    {
        Refused(Verify(Envelope(Document(files: File("win-x64", "bkp-probe.exe")), _key)), ReleaseRefusalKind.NoFileForRuntime);
    }

    [Fact]
    public void A_document_over_the_cap_is_refused_before_it_is_read()
    {
        var huge = new byte[SignedEnvelope.MaxLength + 1];
        Array.Fill(huge, (byte)' ');

        Refused(Verify(huge), ReleaseRefusalKind.TooLarge);
    }

    [Fact]
    public void A_key_rotation_offered_as_a_release_is_refused_as_the_wrong_type()
    {
        Refused(Verify(Envelope(Signed(Rotation(2, _key)), _key)), ReleaseRefusalKind.WrongType);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"signed":1,"signatures":[]}""")]
    [InlineData("""{"signed":{},"signatures":[],"more":1}""")]
    [InlineData("[]")]
    public void What_is_not_an_envelope_is_refused_as_malformed(string text)
    {
        Refused(Verify(Encoding.UTF8.GetBytes(text)), ReleaseRefusalKind.Malformed);
    }

    [Theory]
    [InlineData("""{"type":"bkp-probe-release","version":"1.5.0","channel":"stable","publishedUtc":"2026-12-03T12:00:00Z","expiresUtc":"2027-01-03T12:00:00Z","files":[],"extra":1}""")]
    [InlineData("""{"type":"bkp-probe-release","version":"1.5.0","version":"9.9.9","channel":"stable","publishedUtc":"2026-12-03T12:00:00Z","expiresUtc":"2027-01-03T12:00:00Z","files":[]}""")]
    [InlineData("""{"type":"bkp-probe-release","channel":"stable","publishedUtc":"2026-12-03T12:00:00Z","expiresUtc":"2027-01-03T12:00:00Z","files":[]}""")]
    [InlineData("""{"version":"1.5.0"}""")]
    public void A_signed_document_that_is_not_a_well_formed_release_is_refused_as_malformed(string signed)
    {
        Refused(Verify(Envelope(signed, _key)), ReleaseRefusalKind.Malformed);
    }

    [Theory]
    [InlineData("1.05.0")]
    [InlineData("1.5.0-rc1")]
    [InlineData("v1.5")]
    public void A_version_that_does_not_parse_is_refused_as_malformed(string version)
    {
        Refused(Verify(Envelope(Document(version), _key)), ReleaseRefusalKind.Malformed);
    }

    [Fact]
    public void A_release_that_expires_before_it_was_published_is_refused_as_malformed()
    {
        var document = Document() with { ExpiresUtc = Now.AddDays(-2) };
        Refused(Verify(Envelope(document, _key), now: Now.AddDays(-3)), ReleaseRefusalKind.Malformed);
    }

    public static TheoryData<ReleaseFile[]> BadFiles => new()
    {
        { [File(name: "../bkp-probe")] },
        { [File(name: "bin/bkp-probe")] },
        { [File(name: "bin\\bkp-probe")] },
        { [File(name: "..")] },
        { [File(name: "")] },
        { [File(sha256: new string('A', 64))] },
        { [File(sha256: new string('a', 63))] },
        { [File(sha256: new string('g', 64))] },
        { [File(length: 0)] },
        { [File(length: -1)] },
        { [File(length: ReleaseRules.MaxFileLength + 1)] },
        { [File(runtime: "Linux x64")] },
        { [File(), File(name: "bkp-probe-2")] },
        { [] },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_file_entry_that_cannot_be_used_is_refused(ReleaseFile[] files)
    {
        var document = Document() with { Files = files };
        Refused(Verify(Envelope(document, _key)), ReleaseRefusalKind.BadFileEntry);
    }

    [Fact]
    public void The_declared_length_may_reach_the_cap()
    {
        Assert.True(Verify(Envelope(Document(files: File(length: ReleaseRules.MaxFileLength)), _key)).Accepted);
    }
}
