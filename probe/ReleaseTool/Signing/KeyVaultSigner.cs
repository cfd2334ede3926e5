using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>
/// Signs with an Azure Key Vault key through the Key Vault REST API (the Keys client package is not used): it reads
/// the key's public part (<c>GET {key}?api-version=7.4</c>), asks the vault to sign the SHA-256 digest of the
/// envelope with ES256 (<c>POST {kid}/sign</c>), and keeps the answer only if it verifies with that public key
/// (<see cref="EnvelopeSigning.FromDigestSignature"/>), so a vault that answers for another key, or garbage,
/// never reaches a release. The private key never leaves the vault.
/// </summary>
public sealed class KeyVaultSigner(Uri key, TokenCredential credential, HttpClient http) : IEnvelopeSigner
{
    public const string ApiVersion = "7.4";

    /// <summary>The scope of a Key Vault data-plane token.</summary>
    public const string Scope = "https://vault.azure.net/.default";

    public string Source { get; } = key.ToString();

    public async Task<EnvelopeSignature> SignAsync(ReadOnlyMemory<byte> signed, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
        var (kid, publicKey) = await GetKeyAsync(token, cancellationToken).ConfigureAwait(false);
        using (publicKey)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new KeyVaultSignRequest { Alg = "ES256", Value = Base64Url.EncodeToString(EnvelopeSigning.DigestOf(signed.Span)) },
                ReleaseToolJsonContext.Default.KeyVaultSignRequest);
            using var answer = await SendAsync(HttpMethod.Post, new Uri($"{kid}/sign?api-version={ApiVersion}"), token, body, cancellationToken).ConfigureAwait(false);
            var root = answer.RootElement;
            var answeredKid = Text(root, "kid", "the sign answer");
            if (!string.Equals(answeredKid, kid, StringComparison.OrdinalIgnoreCase))
            {
                throw ReleaseToolException.Failed($"{Source}: Key Vault signed with {answeredKid}, not with {kid} whose public key it gave; the signature is not used.");
            }

            var signature = Bytes(root, "value", "the sign answer");
            if (signature.Length != EnvelopeSigning.SignatureLength)
            {
                throw ReleaseToolException.Failed($"{Source}: Key Vault's ES256 signature is {signature.Length} bytes, not r||s of {EnvelopeSigning.SignatureLength}.");
            }

            try
            {
                return EnvelopeSigning.FromDigestSignature(signed.Span, signature, publicKey);
            }
            catch (CryptographicException e)
            {
                throw ReleaseToolException.Failed($"{Source}: the signature Key Vault returned does not verify with the public key of {kid}; it is not used. {e.Message}", e);
            }
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (AuthenticationFailedException e)
        {
            throw ReleaseToolException.Failed($"{Source}: no token for Key Vault ({Scope}): {e.Message}", e);
        }
    }

    /// <summary>The key's full identifier (with its version) and its P-256 public key, from the key bundle's JWK.</summary>
    private async Task<(string Kid, ECDsa PublicKey)> GetKeyAsync(string token, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(HttpMethod.Get, new Uri($"{key.AbsoluteUri.TrimEnd('/')}?api-version={ApiVersion}"), token, null, cancellationToken).ConfigureAwait(false);
        if (!answer.RootElement.TryGetProperty("key", out var jwk) || jwk.ValueKind != JsonValueKind.Object)
        {
            throw ReleaseToolException.Failed($"{Source}: Key Vault's key bundle has no /key object.");
        }

        var kid = Text(jwk, "kid", "/key");
        if (!IsVersionOf(kid))
        {
            throw ReleaseToolException.Failed($"{Source}: Key Vault answered key {kid}, which is not a version of the key asked for.");
        }

        var kty = Text(jwk, "kty", "/key");
        var crv = jwk.TryGetProperty("crv", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (kty is not ("EC" or "EC-HSM") || crv != "P-256")
        {
            throw ReleaseToolException.Failed($"{Source}: the key is {kty} {crv}; release signing keys are EC P-256 (ES256).");
        }

        if (jwk.TryGetProperty("key_ops", out var ops) && ops.ValueKind == JsonValueKind.Array
            && !ops.EnumerateArray().Any(op => op.ValueKind == JsonValueKind.String && op.GetString() == "sign"))
        {
            throw ReleaseToolException.Failed($"{Source}: the key's permitted operations (key_ops) do not include sign.");
        }

        var x = Bytes(jwk, "x", "/key");
        var y = Bytes(jwk, "y", "/key");
        if (x.Length != 32 || y.Length != 32)
        {
            throw ReleaseToolException.Failed($"{Source}: the key's x and y are {x.Length} and {y.Length} bytes; a P-256 point is two of 32.");
        }

        try
        {
            return (kid, ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } }));
        }
        catch (CryptographicException e)
        {
            throw ReleaseToolException.Failed($"{Source}: the key's x and y are not a point of P-256: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether <paramref name="kid"/> is <c>{vault}/keys/{name}/{version}</c> of the key asked for: the same vault
    /// and name, and the same version when one was asked for.
    /// </summary>
    private bool IsVersionOf(string kid)
    {
        if (!Uri.TryCreate(kid, UriKind.Absolute, out var answered)
            || !string.Equals(answered.GetLeftPart(UriPartial.Authority), key.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var asked = key.AbsolutePath.TrimEnd('/').Split('/');
        var got = answered.AbsolutePath.TrimEnd('/').Split('/');
        return got.Length == asked.Length + (asked.Length == 3 ? 1 : 0) && asked.Length is 3 or 4
            && asked.Zip(got).All(pair => string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase))
            && got[^1].Length > 0;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, Uri uri, string token, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        var what = $"Key Vault ({method} {uri.GetLeftPart(UriPartial.Path)})";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ReleaseToolException.Failed($"{what} could not be reached: {(e is TaskCanceledException ? "timeout" : e.Message)}", e);
        }

        using (response)
        {
            var bytes = await BoundedAnswer.ReadAsync(response, what, cancellationToken).ConfigureAwait(false);
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(bytes);
            }
            catch (JsonException)
            {
                // Reported below with the status.
            }

            if (!response.IsSuccessStatusCode || document?.RootElement.ValueKind != JsonValueKind.Object)
            {
                var error = document is { RootElement.ValueKind: JsonValueKind.Object } d && d.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
                    ? $"{Member(e, "code")}: {Member(e, "message")}"
                    : Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300)));
                document?.Dispose();
                throw ReleaseToolException.Failed(response.IsSuccessStatusCode
                    ? $"{what} answered {(int)response.StatusCode} with a body that is not a JSON object: {error}"
                    : $"{what} refused: HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {error}");
            }

            return document;
        }
    }

    private static string? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string Text(JsonElement element, string name, string where) =>
        Member(element, name) is { Length: > 0 } text ? text : throw ReleaseToolException.Failed($"{Source}: {where} has no '{name}' text.");

    private byte[] Bytes(JsonElement element, string name, string where)
    {
        var text = Text(element, name, where);
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw ReleaseToolException.Failed($"{Source}: {where}/{name} is not base64url.");
        }
    }
}
