using Azure.Core;

namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>Stands in for Azure.Identity: answers a fixed bearer token and records the scopes asked for.</summary>
public sealed class FakeTokenCredential(string token = FakeTokenCredential.Token) : TokenCredential
{
    public const string Token = "fake-entra-token";

    private readonly List<string> _scopes = [];

    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (_scopes)
            {
                return [.. _scopes];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes)
        {
            _scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
