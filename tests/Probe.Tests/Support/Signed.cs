using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>A recorded request checked as the collector checks it: the reason it fails, or null when it is signed by <c>key</c> over what was sent.</summary>
public static class Signed
{
    public static string? Verify(FakeCollector.Request request, Uri collector, ECDsa key)
    {
        if (!SignatureInput.TryParse(request.Header("Signature-Input"), request.Header("Signature"), out var parsed, out var reason))
        {
            return reason;
        }

        if (!ContentDigest.Matches(request.Header("Content-Digest"), request.Body, out reason))
        {
            return reason;
        }

        if (parsed.KeyId != KeyId.Of(key))
        {
            return "signed with another key";
        }

        return MessageSignature.Verify(key, parsed, request.Method, new Uri(collector, request.Target).AbsoluteUri, request.Header("Content-Digest")!, request.Header("X-Bkp-Branch") ?? "")
            ? null
            : "the signature does not verify";
    }
}
