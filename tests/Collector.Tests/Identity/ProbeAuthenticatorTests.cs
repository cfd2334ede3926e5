using System.Text;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Tests.Support;

namespace MonitoramentoBKP.Collector.Tests.Identity;

/// <summary>Each refusal of a signed probe request, in the order the collector checks them, and that none changes anything.</summary>
public sealed class ProbeAuthenticatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"hello":"world"}""");

    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryIdentityStore _identity = new();
    private readonly TestProbe _probe = new("F001");
    private readonly TestProbe _other = new("F002");
    private readonly ProbeAuthenticator _authenticator;

    public ProbeAuthenticatorTests()
    {
        _authenticator = new ProbeAuthenticator(_identity, new IdentityLimits(), _time);
        _identity.PutKeyAsync(_probe.Enrolled(Now.UtcDateTime.AddDays(-1)), default).Wait();
        _identity.PutKeyAsync(_other.Enrolled(Now.UtcDateTime.AddDays(-1)), default).Wait();
    }

    public void Dispose()
    {
        _probe.Dispose();
        _other.Dispose();
    }

    private SignedRequest Signed(DateTimeOffset? created = null, string? branch = null, TimeSpan? lifetime = null) =>
        _probe.Sign("POST", "api/manifests", Body, created ?? Now, branch, lifetime);

    /// <summary>Both halves of the check, as a trigger runs them; the refusal's type, or null when the request passed.</summary>
    private async Task<string?> CheckAsync(SignedRequest request, byte[]? body = null)
    {
        var (admission, refusal) = await _authenticator.AdmitAsync(request, default);
        refusal ??= await _authenticator.VerifyAsync(admission!, request, body ?? Body, default);
        Assert.True(refusal is null || refusal.StatusCode == 401, $"{refusal?.StatusCode} {refusal?.Type}");
        return refusal?.Type;
    }

    [Fact]
    public async Task A_request_signed_by_an_enrolled_key_passes_and_records_its_nonce()
    {
        Assert.Null(await CheckAsync(Signed()));
        Assert.Single(_identity.Nonces);
    }

    [Fact]
    public async Task A_request_without_a_signature_is_refused_as_missing()
    {
        Assert.Equal("signature-missing", await CheckAsync(Signed() with { Signature = null, SignatureInput = null }));
        Assert.Empty(_identity.Nonces);
    }

    [Theory]
    [InlineData("bkp=:AAAA:", null)]
    [InlineData(null, "sig1=(\"@method\");created=1")]
    [InlineData("bkp=not-a-byte-sequence", null)]
    public async Task A_signature_not_of_the_profile_is_refused_as_malformed(string? signature, string? input)
    {
        var request = Signed();
        Assert.Equal("malformed-signature", await CheckAsync(request with { Signature = signature ?? request.Signature, SignatureInput = input ?? request.SignatureInput }));
        Assert.Empty(_identity.Nonces);
    }

    [Fact]
    public async Task A_key_nobody_enrolled_is_refused_as_unknown()
    {
        using var stranger = new TestProbe("F001");
        Assert.Equal("unknown-key", await CheckAsync(stranger.Sign("POST", "api/manifests", Body, Now)));
        Assert.Empty(_identity.Nonces);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        await _identity.PutKeyAsync(_probe.Enrolled(Now.UtcDateTime.AddDays(-1)) with { RevokedUtc = Now.UtcDateTime.AddMinutes(-1), RevokedReason = "revoked by ops" }, default);
        Assert.Equal("revoked-key", await CheckAsync(Signed()));
        Assert.Empty(_identity.Nonces);
    }

    [Fact]
    public async Task A_key_speaking_for_another_branch_is_refused()
    {
        // F001's key, signing honestly that it reports for F002: the header is covered, so the lie is in the open.
        Assert.Equal("key-not-of-branch", await CheckAsync(Signed(branch: "F002")));
        Assert.Empty(_identity.Nonces);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    [InlineData(120)]
    [InlineData(-120)]
    public async Task A_signature_created_outside_five_minutes_of_the_collectors_clock_is_refused_as_skew(int minutes)
    {
        Assert.Equal("clock-skew", await CheckAsync(Signed(Now.AddMinutes(minutes))));
        Assert.Empty(_identity.Nonces);
    }

    [Fact]
    public async Task A_clock_refusal_says_how_far_off_and_which_way()
    {
        var (_, ahead) = await _authenticator.AdmitAsync(Signed(Now.AddHours(2)), default);
        var (_, behind) = await _authenticator.AdmitAsync(Signed(Now.AddMinutes(-90)), default);

        Assert.Contains("2 h ahead of the collector's clock", ahead!.Detail, StringComparison.Ordinal);
        Assert.Contains("1.5 h behind the collector's clock", behind!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_within_the_tolerance_passes()
    {
        Assert.Null(await CheckAsync(Signed(Now.AddMinutes(4))));
        Assert.Null(await CheckAsync(Signed(Now.AddMinutes(-4))));
    }

    [Fact]
    public async Task An_expired_signature_is_refused()
    {
        // Created four minutes ago (inside the tolerance) with a one-minute life: it expired three minutes ago.
        Assert.Equal("expired-signature", await CheckAsync(Signed(Now.AddMinutes(-4), lifetime: TimeSpan.FromMinutes(1))));
        Assert.Empty(_identity.Nonces);
    }

    [Fact]
    public async Task A_signature_claiming_a_long_life_is_refused_as_expired()
    {
        Assert.Equal("expired-signature", await CheckAsync(Signed(lifetime: TimeSpan.FromHours(2))));
    }

    [Fact]
    public async Task A_body_changed_on_the_way_is_refused_by_its_digest()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"hello":"World"}""");
        Assert.Equal("digest-mismatch", await CheckAsync(Signed(), tampered));
        Assert.Empty(_identity.Nonces);
    }

    [Fact]
    public async Task A_digest_changed_to_match_a_tampered_body_breaks_the_signature()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"hello":"World"}""");
        var request = Signed() with { ContentDigest = MonitoramentoBKP.Contracts.Signing.ContentDigest.Of(tampered) };
        Assert.Equal("bad-signature", await CheckAsync(request, tampered));
        Assert.Empty(_identity.Nonces);
    }

    [Theory]
    [InlineData("method")]
    [InlineData("uri")]
    [InlineData("signature")]
    public async Task A_covered_component_changed_on_the_way_breaks_the_signature(string changed)
    {
        var request = Signed();
        request = changed switch
        {
            "method" => request with { Method = "PUT" },
            "uri" => request with { TargetUri = TestProbe.Collector + "api/manifests?x=1" },
            _ => request with { Signature = "bkp=:" + Convert.ToBase64String(new byte[64]) + ":" },
        };
        Assert.Equal("bad-signature", await CheckAsync(request));
    }

    [Fact]
    public async Task A_captured_request_sent_again_is_refused_as_a_replay()
    {
        var request = Signed();
        Assert.Null(await CheckAsync(request));
        Assert.Equal("replayed-nonce", await CheckAsync(request));
        Assert.Single(_identity.Nonces);
    }

    [Fact]
    public async Task Nonces_are_kept_while_a_signature_could_use_them_and_removed_after()
    {
        Assert.Null(await CheckAsync(Signed()));
        Assert.Equal(0, await _identity.RemoveExpiredNoncesAsync(Now.UtcDateTime.AddMinutes(9), default));
        Assert.Equal(1, await _identity.RemoveExpiredNoncesAsync(Now.UtcDateTime.AddMinutes(11), default));
        Assert.Empty(_identity.Nonces);
    }
}
