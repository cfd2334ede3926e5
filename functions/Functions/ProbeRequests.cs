using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// A probe's HTTP request as the signature checks see it. <c>@target-uri</c> is the address the probe used: behind
/// a proxy the request's own URL may differ, so when <c>PublicBaseUrl</c> is set (Bicep sets the app's https
/// address) it replaces the scheme, host and port.
/// </summary>
public sealed class ProbeRequests(IConfiguration configuration)
{
    private readonly Uri? _publicBase = Uri.TryCreate(configuration["PublicBaseUrl"], UriKind.Absolute, out var b) ? b : null;

    public SignedRequest From(HttpRequest request) => new()
    {
        Method = request.Method,
        TargetUri = Target(request),
        SignatureInput = request.Headers[MessageSignature.SignatureInputHeaderName].ToString(),
        Signature = request.Headers[MessageSignature.SignatureHeaderName].ToString(),
        ContentDigest = request.Headers[ContentDigest.HeaderName].ToString(),
        Branch = request.Headers[ManifestUpload.BranchHeader].ToString(),
    };

    public static ObjectResult Problem(ProbeRefusal refusal) => Problems.Of(refusal.StatusCode, refusal.ProblemType, refusal.Title, refusal.Detail);

    private string Target(HttpRequest request) => _publicBase is null
        ? request.GetEncodedUrl()
        : _publicBase.GetLeftPart(UriPartial.Authority) + request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
}
