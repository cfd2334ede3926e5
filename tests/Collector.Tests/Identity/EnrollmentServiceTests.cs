using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Tests.Identity;

/// <summary>One-time tokens, enrollment with proof of the private key, re-enrollment and revocation.</summary>
public sealed class EnrollmentServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryIdentityStore _identity = new();
    private readonly InMemoryStore _registry = new();
    private readonly TestProbe _probe = new("F001");
    private readonly EnrollmentService _enrollment;
    private readonly ProbeAuthenticator _authenticator;

    public EnrollmentServiceTests()
    {
        _registry.Policies["F001"] = Branch("F001");
        _registry.Policies["F002"] = Branch("F002");
        _registry.Policies["F099"] = Branch("F099") with { Retired = true };
        _authenticator = new ProbeAuthenticator(_identity, new IdentityLimits(), _time);
        _enrollment = new EnrollmentService(_identity, _registry, _authenticator, new IdentityLimits(), _time);
    }

    public void Dispose() => _probe.Dispose();

    private static BranchPolicy Branch(string id) => new() { Id = id, Name = "Loja " + id, Template = "loja", Sets = [Policy()] };

    private async Task<string> TokenAsync(string branch = "F001", TimeSpan? lifetime = null)
    {
        var created = await _enrollment.CreateTokenAsync(branch, lifetime, default);
        Assert.Equal(201, created.StatusCode);
        return created.Token!;
    }

    private Task<EnrollmentOutcome> EnrollAsync(TestProbe probe, string token, string? branch = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = branch ?? probe.BranchId, Token = token, PublicKey = probe.PublicKey }, ContractsJsonContext.Default.EnrollRequest);
        return _enrollment.EnrollAsync(probe.Sign("POST", ProbeApi.EnrollPath, body, _time.GetUtcNow(), branch), body, default);
    }

    [Fact]
    public async Task A_token_is_256_random_bits_shown_once_and_stored_only_as_its_hash()
    {
        var created = await _enrollment.CreateTokenAsync("F001", null, default);

        Assert.Equal(43, created.Token!.Length);
        Assert.Equal(Now.UtcDateTime.AddHours(72), created.ExpiresUtc);
        var stored = Assert.Single(_identity.Tokens.Values);
        Assert.Equal(EnrollmentService.Hash(created.Token), stored.Hash);
        Assert.DoesNotContain(created.Token, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        Assert.NotEqual(created.Token, (await _enrollment.CreateTokenAsync("F001", null, default)).Token);
    }

    [Theory]
    [InlineData("F404", 404, "unknown-branch")]
    [InlineData("F099", 410, "retired-branch")]
    public async Task No_token_is_made_for_a_branch_that_cannot_report(string branch, int status, string type)
    {
        var refused = await _enrollment.CreateTokenAsync(branch, null, default);
        Assert.Equal((status, type), (refused.StatusCode, refused.Refusal!.Type));
        Assert.Empty(_identity.Tokens);
    }

    [Fact]
    public async Task Enrolling_stores_the_public_key_only_and_spends_the_token()
    {
        var token = await TokenAsync();

        var enrolled = await EnrollAsync(_probe, token);

        Assert.Equal(201, enrolled.StatusCode);
        Assert.Equal(_probe.KeyId, enrolled.KeyId);
        var key = Assert.Single(_identity.Keys.Values);
        Assert.Equal(("F001", _probe.PublicKey), (key.BranchId, key.PublicKey));
        Assert.NotNull(Assert.Single(_identity.Tokens.Values).SpentUtc);

        // What the table holds cannot sign: it has no private part.
        Assert.True(PublicKeyInfoHasNoPrivatePart(key.PublicKey));
    }

    private static bool PublicKeyInfoHasNoPrivatePart(string spki)
    {
        Assert.True(MonitoramentoBKP.Contracts.Signing.PublicKeyInfo.TryImport(spki, out var imported, out _));
        using (imported)
        {
            return Record.Exception(() => imported!.ExportParameters(includePrivateParameters: true)) is not null;
        }
    }

    [Fact]
    public async Task A_token_enrolls_once()
    {
        var token = await TokenAsync();
        Assert.Equal(201, (await EnrollAsync(_probe, token)).StatusCode);
        using var second = new TestProbe("F001");

        var again = await EnrollAsync(second, token);

        Assert.Equal((401, "token-spent"), (again.StatusCode, again.Refusal!.Type));
        Assert.Equal(_probe.KeyId, Assert.Single(_identity.Keys.Values).KeyId);
    }

    [Fact]
    public async Task Of_two_enrollments_racing_with_one_token_exactly_one_wins()
    {
        for (var round = 0; round < 20; round++)
        {
            var token = await TokenAsync();
            using var a = new TestProbe("F001");
            using var b = new TestProbe("F001");

            var outcomes = await Task.WhenAll(Task.Run(() => EnrollAsync(a, token)), Task.Run(() => EnrollAsync(b, token)));

            Assert.Single(outcomes, o => o.StatusCode == 201);
            Assert.Single(outcomes, o => o.Refusal?.Type == "token-spent");
            var winner = outcomes.Single(o => o.StatusCode == 201).KeyId;
            Assert.Contains(_identity.Keys.Values, k => k.KeyId == winner && !k.Revoked);
            Assert.DoesNotContain(_identity.Keys.Values, k => k.KeyId == (winner == a.KeyId ? b.KeyId : a.KeyId));
        }
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await TokenAsync(lifetime: TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromMinutes(61));

        var refused = await EnrollAsync(_probe, token);

        Assert.Equal((401, "token-expired"), (refused.StatusCode, refused.Refusal!.Type));
        Assert.Empty(_identity.Keys);
        Assert.Null(Assert.Single(_identity.Tokens.Values).SpentUtc);
    }

    [Fact]
    public async Task A_token_of_another_branch_or_made_up_is_refused()
    {
        var token = await TokenAsync("F002");
        Assert.Equal("invalid-token", (await EnrollAsync(_probe, token)).Refusal!.Type);
        Assert.Equal("invalid-token", (await EnrollAsync(_probe, "made-up")).Refusal!.Type);
        Assert.Empty(_identity.Keys);
    }

    [Fact]
    public async Task An_enrollment_signed_with_another_key_than_the_one_it_sends_is_refused()
    {
        var token = await TokenAsync();
        using var thief = new TestProbe("F001");
        var body = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = "F001", Token = token, PublicKey = _probe.PublicKey }, ContractsJsonContext.Default.EnrollRequest);

        var refused = await _enrollment.EnrollAsync(thief.Sign("POST", ProbeApi.EnrollPath, body, Now), body, default);

        Assert.Equal((401, "bad-signature"), (refused.StatusCode, refused.Refusal!.Type));
        Assert.Empty(_identity.Keys);
        Assert.Null(Assert.Single(_identity.Tokens.Values).SpentUtc);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"branchId":"F001","token":"t"}""")]
    [InlineData("""{"branchId":"F001","token":"t","publicKey":"AAAA"}""")]
    [InlineData("""{"branchId":"F001","token":"t","publicKey":"x","extra":1}""")]
    public async Task A_body_that_is_not_an_enrollment_is_a_400_naming_what_is_wrong(string text)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(text);
        var refused = await _enrollment.EnrollAsync(_probe.Sign("POST", ProbeApi.EnrollPath, body, Now), body, default);
        Assert.Equal((400, "invalid-enrollment"), (refused.StatusCode, refused.Refusal!.Type));
    }

    [Fact]
    public async Task Enrolling_again_replaces_the_key_and_revokes_the_old_one()
    {
        await EnrollAsync(_probe, await TokenAsync());
        using var reinstalled = new TestProbe("F001");

        var second = await EnrollAsync(reinstalled, await TokenAsync());

        Assert.Equal([_probe.KeyId], second.Revoked);
        var old = _identity.Keys[_probe.KeyId];
        Assert.True(old.Revoked);
        Assert.Contains(reinstalled.KeyId, old.RevokedReason, StringComparison.Ordinal);
        Assert.False(_identity.Keys[reinstalled.KeyId].Revoked);
        var (_, refusal) = await _authenticator.AdmitAsync(_probe.Sign("POST", "api/manifests", [], Now), default);
        Assert.Equal("revoked-key", refusal!.Type);
    }

    [Fact]
    public async Task Revoking_a_branch_stops_its_key_at_once()
    {
        await EnrollAsync(_probe, await TokenAsync());

        var revoked = await _enrollment.RevokeAsync("F001", default);

        Assert.Equal([_probe.KeyId], revoked.Revoked);
        var (_, refusal) = await _authenticator.AdmitAsync(_probe.Sign("POST", "api/manifests", [], Now), default);
        Assert.Equal("revoked-key", refusal!.Type);
        Assert.Equal(404, (await _enrollment.RevokeAsync("F404", default)).StatusCode);
    }
}
