using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>The probe's routes as the function classes serve them: signed requests only, enrollment, revocation and the policy.</summary>
public sealed class ProbeRouteTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));

    private async Task ImportSampleAsync() =>
        Assert.IsType<OkObjectResult>(await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default));

    private static byte[] Body(string branch) => Manifests.Gzip(Manifests.Json(Branch.Run(Night) with { BranchId = branch }));

    private static string? TypeOf(IActionResult result) => ((ProblemDetails)((ObjectResult)result).Value!).Type?.Split('/')[^1];

    private static HttpRequest Copy(HttpRequest original, byte[] body)
    {
        var copy = TestCollector.Request(original.Method, body, [.. original.Headers.Where(h => h.Key != "Content-Length").Select(h => (h.Key, h.Value.ToString()))]);
        (copy.Scheme, copy.Host, copy.Path) = (original.Scheme, original.Host, original.Path);
        return copy;
    }

    [Fact]
    public async Task A_manifest_without_a_signature_is_refused_and_nothing_is_stored()
    {
        await ImportSampleAsync();

        var result = await _collector.Receive().Run(TestCollector.Request("POST", Body("F003"), ("Content-Encoding", "gzip"), (ManifestUpload.BranchHeader, "F003")), default);

        Assert.Equal((401, "signature-missing"), (((ObjectResult)result).StatusCode, TypeOf(result)));
        Assert.Empty(_collector.State.Blobs);
        Assert.Empty(_collector.State.Changes);
    }

    [Fact]
    public async Task A_captured_request_replayed_is_refused_and_counted_once()
    {
        await ImportSampleAsync();
        var body = Body("F003");
        var request = _collector.ManifestRequest("F003", body);
        var replay = Copy(request, body);

        var first = await _collector.Receive().Run(request, default);
        var again = await _collector.Receive().Run(replay, default);

        Assert.Equal(202, ((ObjectResult)first).StatusCode);
        Assert.Equal((401, "replayed-nonce"), (((ObjectResult)again).StatusCode, TypeOf(again)));
        Assert.Single(_collector.State.Blobs);
    }

    [Fact]
    public async Task A_body_changed_on_the_way_is_refused_before_it_is_read_as_a_manifest()
    {
        await ImportSampleAsync();
        var request = _collector.ManifestRequest("F003", Body("F003"));
        var tampered = Copy(request, Manifests.Gzip(Manifests.Json(Branch.Run(Night.AddHours(-1)))));

        var result = await _collector.Receive().Run(tampered, default);

        Assert.Equal((401, "digest-mismatch"), (((ObjectResult)result).StatusCode, TypeOf(result)));
        Assert.Empty(_collector.State.Blobs);
        Assert.Empty(_collector.Identity.Nonces);
    }

    [Fact]
    public async Task A_branch_signing_a_manifest_of_another_branch_is_refused_and_changes_nothing()
    {
        await ImportSampleAsync();

        // F003's own key and header, honestly signed, carrying F004's manifest.
        var result = await _collector.Receive().Run(_collector.ManifestRequest("F003", Body("F004")), default);

        Assert.Equal((401, "branch-mismatch"), (((ObjectResult)result).StatusCode, TypeOf(result)));
        Assert.Empty(_collector.State.Blobs);
        Assert.Empty(_collector.State.Changes);
    }

    [Fact]
    public async Task Ops_enrolls_a_probe_with_a_token_and_revokes_it_at_once()
    {
        await ImportSampleAsync();
        var created = (ObjectResult)await new CreateEnrollment(_collector.Enrollment).Run(TestCollector.Request("POST", ""), "F005", default);
        Assert.Equal(201, created.StatusCode);
        var token = JsonSerializer.SerializeToElement(created.Value).GetProperty("token").GetString()!;

        using var probe = new TestProbe("F005");
        var enroll = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = "F005", Token = token, PublicKey = probe.PublicKey }, ContractsJsonContext.Default.EnrollRequest);
        var enrolled = (ObjectResult)await new Enroll(_collector.Enrollment, _collector.Uninstall, new(), _collector.Probes, NullLogger<Enroll>.Instance)
            .Run(_collector.Signed(probe, "POST", ProbeApi.EnrollPath, enroll), default);
        Assert.Equal(201, enrolled.StatusCode);
        Assert.Equal(probe.KeyId, ((EnrollResponse)enrolled.Value!).KeyId);

        var manifest = await _collector.Receive().Run(_collector.Signed(probe, "POST", ManifestUpload.Path, Body("F005"), ("Content-Encoding", "gzip")), default);
        Assert.Equal(202, ((ObjectResult)manifest).StatusCode);

        var revoked = (ObjectResult)await new RevokeBranch(_collector.Enrollment, NullLogger<RevokeBranch>.Instance).Run(TestCollector.Request("POST", ""), "F005", default);
        Assert.Equal(200, revoked.StatusCode);
        var after = await _collector.Receive().Run(_collector.Signed(probe, "POST", ManifestUpload.Path, Body("F005"), ("Content-Encoding", "gzip")), default);
        Assert.Equal((401, "revoked-key"), (((ObjectResult)after).StatusCode, TypeOf(after)));
    }

    [Fact]
    public async Task A_token_lifetime_that_is_not_a_number_of_hours_is_a_400()
    {
        await ImportSampleAsync();
        var request = TestCollector.Request("POST", "");
        request.QueryString = new QueryString("?hours=soon");

        var result = (ObjectResult)await new CreateEnrollment(_collector.Enrollment).Run(request, "F005", default);

        Assert.Equal(400, result.StatusCode);
        Assert.Empty(_collector.Identity.Tokens);
    }

    [Fact]
    public async Task The_policy_is_the_registrys_sets_with_an_etag_that_changes_when_the_registry_does()
    {
        await ImportSampleAsync();
        var policies = new GetProbePolicy(_collector.Authenticator, _collector.Registry, _collector.Probes, NullLogger<GetProbePolicy>.Instance);
        var probe = _collector.ProbeOf("F003");

        var request = _collector.Signed(probe, "GET", ProbeApi.PolicyPath, []);
        var first = (OkObjectResult)await policies.Run(request, default);
        var policy = (ProbePolicy)first.Value!;
        Assert.Equal(["sql-vendas", "sql-estoque"], policy.Sets.Select(s => s.Id));
        Assert.Equal("C:\\backup_sql\\Vendas", policy.Sets[0].Root);
        var etag = request.HttpContext.Response.Headers.ETag.ToString();
        Assert.Equal($"\"{policy.Version}\"", etag);

        var unchanged = _collector.Signed(probe, "GET", ProbeApi.PolicyPath, [], ("If-None-Match", etag));
        Assert.Equal(304, ((StatusCodeResult)await policies.Run(unchanged, default)).StatusCode);

        var registry = TestCollector.SampleRegistry.Replace("C:\\\\backup_sql\\\\Vendas", "E:\\\\dumps\\\\Vendas", StringComparison.Ordinal);
        Assert.IsType<OkObjectResult>(await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", registry), default));
        var changed = (OkObjectResult)await policies.Run(_collector.Signed(probe, "GET", ProbeApi.PolicyPath, [], ("If-None-Match", etag)), default);
        Assert.Equal("E:\\dumps\\Vendas", ((ProbePolicy)changed.Value!).Sets[0].Root);
        Assert.NotEqual(policy.Version, ((ProbePolicy)changed.Value!).Version);
    }

    [Fact]
    public async Task The_policy_wants_a_signature_too()
    {
        await ImportSampleAsync();
        var policies = new GetProbePolicy(_collector.Authenticator, _collector.Registry, _collector.Probes, NullLogger<GetProbePolicy>.Instance);

        var result = await policies.Run(TestCollector.Request("GET", Encoding.UTF8.GetBytes(""), (ManifestUpload.BranchHeader, "F003")), default);

        Assert.Equal((401, "signature-missing"), (((ObjectResult)result).StatusCode, TypeOf(result)));
    }
}
