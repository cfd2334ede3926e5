using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>
/// A Key Vault holding one EC key, speaking the two REST operations bkp-release uses, strictly: <c>GET
/// /keys/{name}[/{version}]?api-version=7.4</c> answers the key bundle (JWK), and <c>POST
/// /keys/{name}/{version}/sign?api-version=7.4</c> with <c>{"alg":"ES256","value":"&lt;base64url SHA-256&gt;"}</c>
/// signs the digest with its own P-256 key and answers <c>{"kid","value"}</c>. Any other method, path, api-version,
/// bearer token or body shape is answered with a Key Vault error and recorded in <see cref="Violations"/>.
/// </summary>
public sealed partial class FakeKeyVault : IAsyncDisposable
{
    public const string KeyName = "bkp-release-signing";
    public const string KeyVersion = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly List<string> _requests = [];
    private readonly List<string> _violations = [];
    private LoopbackServer? _server;

    private FakeKeyVault()
    {
    }

    /// <summary>The vault's own signing key.</summary>
    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Signs with this key instead of <see cref="Key"/> (a vault answering for another key).</summary>
    public ECDsa? SignWith { get; set; }

    /// <summary>The kid the sign answer names, instead of the key's.</summary>
    public string? AnsweredKid { get; set; }

    /// <summary>The key's JWK type and curve as the bundle gives them.</summary>
    public string Kty { get; set; } = "EC";

    public string Curve { get; set; } = "P-256";

    /// <summary>When set, every request is answered with this status and a Key Vault error.</summary>
    public int? RefuseWith { get; set; }

    public Uri Vault => _server?.Url ?? throw new InvalidOperationException("Not started.");

    /// <summary>The key's identifier with or without its version, as an operator would pass it.</summary>
    public Uri KeyUri(bool withVersion) => new(Vault, withVersion ? $"keys/{KeyName}/{KeyVersion}" : $"keys/{KeyName}");

    public string Kid => new Uri(Vault, $"keys/{KeyName}/{KeyVersion}").AbsoluteUri;

    /// <summary>"METHOD /path" of every request, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_requests)
            {
                return [.. _violations];
            }
        }
    }

    public static async Task<FakeKeyVault> StartAsync()
    {
        var vault = new FakeKeyVault();
        vault._server = await LoopbackServer.StartAsync(vault.HandleAsync);
        return vault;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        lock (_requests)
        {
            _requests.Add($"{request.Method} {request.Path}");
        }

        if (RefuseWith is { } status)
        {
            await ErrorAsync(context, status, "Forbidden", "The user, group or application does not have keys sign permission.", violation: false);
            return;
        }

        if (request.Query["api-version"] != "7.4" || request.Query.Count != 1)
        {
            await ErrorAsync(context, 400, "BadParameter", $"api-version must be 7.4, and alone: '{request.QueryString}'");
            return;
        }

        if (request.Headers.Authorization != $"Bearer {FakeTokenCredential.Token}")
        {
            await ErrorAsync(context, 401, "Unauthorized", $"Bearer token missing or wrong: '{request.Headers.Authorization}'");
            return;
        }

        var path = request.Path.Value!.Split('/');
        if (request.Method == "GET" && path is ["", "keys", KeyName] or ["", "keys", KeyName, KeyVersion])
        {
            await AnswerAsync(context, new JsonObject
            {
                ["key"] = new JsonObject
                {
                    ["kid"] = Kid,
                    ["kty"] = Kty,
                    ["key_ops"] = new JsonArray("sign", "verify"),
                    ["crv"] = Curve,
                    ["x"] = Base64Url.EncodeToString(Key.ExportParameters(false).Q.X),
                    ["y"] = Base64Url.EncodeToString(Key.ExportParameters(false).Q.Y),
                },
                ["attributes"] = new JsonObject { ["enabled"] = true, ["recoveryLevel"] = "Recoverable" },
            });
            return;
        }

        if (request.Method == "POST" && path is ["", "keys", KeyName, KeyVersion, "sign"])
        {
            await SignAsync(context);
            return;
        }

        await ErrorAsync(context, 404, "KeyNotFound", $"No such operation: {request.Method} {request.Path}");
    }

    private async Task SignAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            await ErrorAsync(context, 400, "BadParameter", $"Content-Type must be application/json: '{context.Request.ContentType}'");
            return;
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body);
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, 400, "BadParameter", $"The body is not JSON: {e.Message}");
            return;
        }

        if (body is not JsonObject { Count: 2 } sign
            || sign["alg"]?.GetValueKind() != JsonValueKind.String || (string?)sign["alg"] != "ES256"
            || sign["value"]?.GetValueKind() != JsonValueKind.String || !Digest().IsMatch((string)sign["value"]!))
        {
            await ErrorAsync(context, 400, "BadParameter", $"The body must be {{\"alg\":\"ES256\",\"value\":<base64url of 32 bytes>}}: {body?.ToJsonString()}");
            return;
        }

        var digest = Base64Url.DecodeFromChars((string)sign["value"]!);
        var signature = (SignWith ?? Key).SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        await AnswerAsync(context, new JsonObject { ["kid"] = AnsweredKid ?? Kid, ["value"] = Base64Url.EncodeToString(signature) });
    }

    private async Task ErrorAsync(HttpContext context, int status, string code, string message, bool violation = true)
    {
        if (violation)
        {
            lock (_requests)
            {
                _violations.Add(message);
            }
        }

        context.Response.StatusCode = status;
        await AnswerAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }

    private static async Task AnswerAsync(HttpContext context, JsonNode answer)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    // A SHA-256 digest in base64url without padding: 43 characters.
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{43}\z")]
    private static partial Regex Digest();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Key.Dispose();
    }
}
