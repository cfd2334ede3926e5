using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Apis.Auth.OAuth2;
using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task A_request_without_a_bearer_token_is_unauthenticated()
    {
        await using var session = await Session.StartAsync();
        session.Http.DefaultRequestHeaders.Authorization = null;

        var reply = await session.GetAsync(session.SpreadsheetPath());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("UNAUTHENTICATED", reply.ErrorStatus);
        Assert.Contains("Bearer", reply.Message.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_the_fake_never_issued_is_unauthenticated()
    {
        await using var session = await Session.StartAsync();
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ya29.made-up");

        var reply = await session.GetAsync(session.SpreadsheetPath());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task Revoked_tokens_are_unauthenticated_until_a_new_one_is_granted()
    {
        await using var session = await Session.StartAsync();
        session.Server.RevokeTokens();

        var refused = await session.GetAsync(session.SpreadsheetPath());
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Jwt.TokenAsync(session.Http, session.Server));
        var accepted = await session.GetAsync(session.SpreadsheetPath());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(2, session.Server.TokenRequests);
    }

    [Fact]
    public async Task A_token_granted_without_a_sheets_scope_is_refused_for_insufficient_scopes()
    {
        await using var session = await Session.StartAsync();
        var token = await Jwt.TokenAsync(session.Http, session.Server, "https://www.googleapis.com/auth/cloud-platform");
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var reply = await session.GetAsync(session.SpreadsheetPath());

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("Request had insufficient authentication scopes.", reply.ErrorMessage);
    }

    [Fact]
    public async Task A_jwt_signed_with_another_key_is_refused()
    {
        await using var server = await FakeGoogleServer.StartAsync();
        using var http = new HttpClient();
        using var otherKey = RSA.Create(2048);

        using var response = await Jwt.ExchangeAsync(http, server, Jwt.Sign(server, Jwt.Claims(server), otherKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
        Assert.Equal("Invalid JWT Signature.", error["error_description"]!.GetValue<string>());
        Assert.Equal(0, server.TokenRequests);
    }

    [Theory]
    [InlineData("aud", "https://example.com/token", "invalid_grant")]
    [InlineData("iss", "someone@else.iam.gserviceaccount.com", "invalid_grant")]
    [InlineData("scope", "", "invalid_scope")]
    [InlineData("sub", "manager@example.com", "unauthorized_client")]
    public async Task A_jwt_with_a_wrong_claim_is_refused(string claim, string value, string error)
    {
        await using var server = await FakeGoogleServer.StartAsync();
        using var http = new HttpClient();
        var claims = Jwt.Claims(server);
        claims[claim] = value;

        using var response = await Jwt.ExchangeAsync(http, server, Jwt.Sign(server, claims));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(error, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_jwt_is_refused()
    {
        await using var server = await FakeGoogleServer.StartAsync();
        using var http = new HttpClient();

        using var response = await Jwt.ExchangeAsync(http, server, Jwt.Sign(server, Jwt.Claims(server, issuedAt: DateTimeOffset.UtcNow.AddHours(-2))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("short-lived token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_type_other_than_jwt_bearer_is_refused()
    {
        await using var server = await FakeGoogleServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.TokenUri, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unsupported_grant_type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_account_key_is_a_google_json_key_pointing_at_the_fake()
    {
        await using var server = await FakeGoogleServer.StartAsync();

        var key = JsonNode.Parse(server.ServiceAccountKeyJson)!;

        Assert.Equal("service_account", key["type"]!.GetValue<string>());
        Assert.Equal(server.TokenUri.ToString(), key["token_uri"]!.GetValue<string>());
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", key["private_key"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(".iam.gserviceaccount.com", key["client_email"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new Uri(server.BaseUri, "token"), server.TokenUri);
    }

    [Fact]
    public async Task Google_Apis_Auth_gets_a_token_from_the_key_json_and_the_sheets_api_accepts_it()
    {
        await using var server = await FakeGoogleServer.StartAsync();
        var id = server.CreateSpreadsheet();
        var credential = CredentialFactory.FromJson<ServiceAccountCredential>(server.ServiceAccountKeyJson)
            .ToGoogleCredential()
            .CreateScoped(Jwt.SheetsScope);

        var token = await credential.UnderlyingCredential.GetAccessTokenForRequestAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync($"v4/spreadsheets/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.TokenRequests);
        var grant = server.Requests.Single(r => r.Path == "/token");
        Assert.Equal("POST", grant.Method);
        Assert.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", grant.Body, StringComparison.Ordinal);
        // What 1.78 signs: Google's token URL as audience whatever URL it posts to, and the scopes as one claim.
        var claims = AssertionClaims(grant.Body);
        Assert.Equal("https://oauth2.googleapis.com/token", claims["aud"]!.GetValue<string>());
        Assert.Equal(Jwt.SheetsScope, claims["scope"]!.GetValue<string>());
        Assert.Equal(server.ServiceAccountEmail, claims["iss"]!.GetValue<string>());
        Assert.Null(claims["sub"]);
    }

    private static JsonNode AssertionClaims(string formBody)
    {
        var assertion = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(formBody)["assertion"].ToString();
        var payload = assertion.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')))!;
    }

    [Fact]
    public async Task Google_Apis_Auth_built_from_the_key_parts_with_the_fake_token_url_gets_a_token()
    {
        await using var server = await FakeGoogleServer.StartAsync();
        var key = JsonNode.Parse(server.ServiceAccountKeyJson)!;
        var initializer = new ServiceAccountCredential.Initializer(key["client_email"]!.GetValue<string>(), server.TokenUri.ToString())
        {
            Scopes = [Jwt.SheetsScope],
            KeyId = key["private_key_id"]!.GetValue<string>(),
        }.FromPrivateKey(key["private_key"]!.GetValue<string>());
        var credential = new ServiceAccountCredential(initializer);

        var token = await credential.GetAccessTokenForRequestAsync();
        var again = await credential.GetAccessTokenForRequestAsync();

        Assert.StartsWith("ya29.", token, StringComparison.Ordinal);
        Assert.Equal(token, again);
        Assert.Equal(1, server.TokenRequests);
    }

    [Fact]
    public async Task A_self_signed_jwt_from_a_credential_without_scopes_is_not_an_access_token()
    {
        // Without scopes Google.Apis.Auth signs its own JWT instead of calling the token endpoint; the collector must set scopes.
        await using var server = await FakeGoogleServer.StartAsync();
        var id = server.CreateSpreadsheet();
        var credential = CredentialFactory.FromJson<ServiceAccountCredential>(server.ServiceAccountKeyJson);

        var selfSigned = await credential.GetAccessTokenForRequestAsync(server.BaseUri.ToString());
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", selfSigned);
        using var response = await http.GetAsync($"v4/spreadsheets/{id}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, server.TokenRequests);
    }
}
