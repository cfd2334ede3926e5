using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using MonitoramentoBKP.FakeGoogle.Auth;
using MonitoramentoBKP.FakeGoogle.Discovery;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>
/// The Sheets API v4 under {BaseUri}v4/: routes a request to its discovery method, then checks it in the order
/// Google's front end does (token, parameters, body) before the spreadsheet is looked up and the handler runs.
/// </summary>
internal sealed class SheetsEndpoint(TokenService tokens, Func<string, FakeSpreadsheet?> findSpreadsheet, Uri baseUri)
{
    private readonly DiscoveryDocument discovery = DiscoveryDocument.Sheets;
    private readonly QueryValidator queries = new(DiscoveryDocument.Sheets);
    private readonly SchemaValidator bodies = new(DiscoveryDocument.Sheets);
    private readonly SpreadsheetOperations spreadsheets = new(DiscoveryDocument.Sheets);

    public (DiscoveryMethod Method, IReadOnlyDictionary<string, string> PathValues)? Route(string httpMethod, string rawPath) =>
        discovery.Match(httpMethod, rawPath.TrimStart('/'));

    public ApiResponse Execute(
        (DiscoveryMethod Method, IReadOnlyDictionary<string, string> PathValues)? route,
        IncomingRequest request,
        string? authorization)
    {
        try
        {
            if (route is not { } found)
            {
                throw FakeApiError.NotFound(
                    $"The requested URL {request.Method} {request.Path} was not found on this server: no method of the Sheets API v4 discovery document (revision {discovery.Revision}) has this HTTP method and path.");
            }
            var query = QueryHelpers.ParseQuery(request.Query);
            Authorize(found.Method, authorization, query);
            var boundQuery = queries.Validate(found.Method, query, found.PathValues);
            if (boundQuery.TryGetValue("alt", out var alt) && alt[0] != "json")
            {
                throw FakeApiError.NotImplemented($"alt={alt[0]}");
            }
            var body = found.Method.RequestSchema is { } schema ? bodies.Validate(ParseBody(request), schema) : [];
            if (!Handlers.Contains(found.Method.Id))
            {
                throw FakeApiError.NotImplemented(found.Method.Id);
            }
            var spreadsheet = findSpreadsheet(found.PathValues["spreadsheetId"])
                ?? throw FakeApiError.NotFound("Requested entity was not found.");
            var call = new SheetsCall(found.Method, spreadsheet, found.PathValues, boundQuery, body, baseUri);
            return ApiResponse.Ok(Dispatch(call));
        }
        catch (FakeApiError error)
        {
            var response = error.ToResponse();
            return error.Code == 401
                ? response.WithHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
                : response;
        }
    }

    private static readonly HashSet<string> Handlers =
    [
        "sheets.spreadsheets.get",
        "sheets.spreadsheets.batchUpdate",
        "sheets.spreadsheets.values.get",
        "sheets.spreadsheets.values.batchGet",
        "sheets.spreadsheets.values.update",
        "sheets.spreadsheets.values.batchUpdate",
        "sheets.spreadsheets.values.append",
        "sheets.spreadsheets.values.clear",
        "sheets.spreadsheets.values.batchClear",
    ];

    private JsonObject Dispatch(SheetsCall call) => call.Method.Id switch
    {
        "sheets.spreadsheets.get" => SpreadsheetOperations.Get(call),
        "sheets.spreadsheets.batchUpdate" => spreadsheets.BatchUpdate(call),
        "sheets.spreadsheets.values.get" => ValuesOperations.Get(call),
        "sheets.spreadsheets.values.batchGet" => ValuesOperations.BatchGet(call),
        "sheets.spreadsheets.values.update" => ValuesOperations.Update(call),
        "sheets.spreadsheets.values.batchUpdate" => ValuesOperations.BatchUpdate(call),
        "sheets.spreadsheets.values.append" => ValuesOperations.Append(call),
        "sheets.spreadsheets.values.clear" => ValuesOperations.Clear(call),
        "sheets.spreadsheets.values.batchClear" => ValuesOperations.BatchClear(call),
        var other => throw FakeApiError.NotImplemented(other),
    };

    /// <summary>
    /// A bearer token the fake issued, still live, granted with one of the scopes the discovery document lists for
    /// the method. The token may also come as the access_token (or oauth_token) query parameter.
    /// </summary>
    private void Authorize(DiscoveryMethod method, string? authorization, Dictionary<string, StringValues> query)
    {
        string? token = null;
        if (authorization is not null)
        {
            if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
                || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                || string.IsNullOrWhiteSpace(header.Parameter))
            {
                throw FakeApiError.Unauthenticated("Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
            }
            token = header.Parameter;
        }
        else if (query.TryGetValue("access_token", out var fromQuery) || query.TryGetValue("oauth_token", out fromQuery))
        {
            token = fromQuery.ToString();
        }
        if (token is null)
        {
            throw FakeApiError.Unauthenticated("Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
        }
        var scopes = tokens.ScopesOf(token)
            ?? throw FakeApiError.Unauthenticated("Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
        if (!scopes.Intersect(method.Scopes, StringComparer.Ordinal).Any())
        {
            throw FakeApiError.PermissionDenied("Request had insufficient authentication scopes.", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
        }
    }

    /// <summary>An empty body is an empty message; anything else must be JSON, sent as application/json.</summary>
    private static JsonNode? ParseBody(IncomingRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return null;
        }
        if (request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType != "application/json")
        {
            throw FakeApiError.InvalidArgument($"Invalid JSON payload received. The body must be sent as application/json, not {request.ContentType ?? "without a Content-Type"}.");
        }
        try
        {
            return JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            throw FakeApiError.InvalidArgument($"Invalid JSON payload received. {e.Message}");
        }
    }
}
