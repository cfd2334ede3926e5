using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// The few Sheets API v4 methods the collector uses, exactly as Google's discovery document describes them
/// (paths, query parameters, bodies). Retries live in the HttpClient's resilience handler; what is still a failure
/// here becomes a <see cref="SheetDeliveryException"/> that says which call, on what, and what Google answered.
/// </summary>
public sealed class GoogleSheetsClient(HttpClient http, GoogleAccessTokens tokens, GoogleSheetOptions options)
{
    private string Spreadsheet => $"v4/spreadsheets/{Uri.EscapeDataString(options.SpreadsheetId)}";

    /// <summary>spreadsheets.get: the tabs' ids, titles, grid sizes and conditional formats.</summary>
    public Task<JsonObject> GetSpreadsheetAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"{Spreadsheet}?fields={Uri.EscapeDataString("spreadsheetId,sheets(properties(sheetId,title,index,gridProperties),conditionalFormats)")}", null, idempotent: true, "spreadsheets.get", cancellationToken);

    /// <summary>spreadsheets.batchUpdate: formatting and tab changes, applied together or not at all.</summary>
    public Task<JsonObject> BatchUpdateAsync(JsonArray requests, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Spreadsheet}:batchUpdate", new JsonObject { ["requests"] = requests }, idempotent, "spreadsheets.batchUpdate", cancellationToken);

    /// <summary>spreadsheets.values.batchUpdate with RAW input: writing the same values twice gives the same cells.</summary>
    public Task<JsonObject> WriteValuesAsync(JsonArray data, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Spreadsheet}/values:batchUpdate", new JsonObject { ["valueInputOption"] = "RAW", ["data"] = data }, idempotent: true, "values.batchUpdate", cancellationToken);

    /// <summary>spreadsheets.values.batchClear.</summary>
    public Task<JsonObject> ClearValuesAsync(IEnumerable<string> ranges, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Spreadsheet}/values:batchClear", new JsonObject { ["ranges"] = new JsonArray([.. ranges.Select(r => (JsonNode)r)]) }, idempotent: true, "values.batchClear", cancellationToken);

    /// <summary>
    /// spreadsheets.values.append with RAW input, into the empty rows after the table: not idempotent, so never retried
    /// after an unknown outcome. Not INSERT_ROWS: a row inserted takes the format of the row above, so the first rows
    /// under the header would come out bold on grey like it, with moments as bare numbers. Written over the empty rows
    /// they keep the data rows' format; past the end of the grid Google adds rows, which take the last row's.
    /// </summary>
    public Task<JsonObject> AppendAsync(string range, JsonArray rows, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            $"{Spreadsheet}/values/{Uri.EscapeDataString(range)}:append?valueInputOption=RAW&insertDataOption=OVERWRITE",
            new JsonObject { ["range"] = range, ["majorDimension"] = "ROWS", ["values"] = rows },
            idempotent: false,
            "values.append",
            cancellationToken);

    /// <summary>spreadsheets.values.get of one range, column by column, values as stored.</summary>
    public async Task<JsonArray> GetColumnsAsync(string range, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"{Spreadsheet}/values/{Uri.EscapeDataString(range)}?majorDimension=COLUMNS&valueRenderOption=UNFORMATTED_VALUE", null, idempotent: true, "values.get", cancellationToken).ConfigureAwait(false);
        return answer["values"] as JsonArray ?? [];
    }

    /// <summary>Size of the body a call would send, to keep each request under Google's limit.</summary>
    public static int BodyBytes(JsonNode body) => Encoding.UTF8.GetByteCount(body.ToJsonString());

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, bool idempotent, string call, CancellationToken cancellationToken)
    {
        var content = body?.ToJsonString();
        var (status, text) = await ExchangeAsync(method, path, content, idempotent, call, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized)
        {
            // A token Google no longer accepts (revoked, or expired before its time): get a new one and try once more.
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            (status, text) = await ExchangeAsync(method, path, content, idempotent, call, cancellationToken).ConfigureAwait(false);
        }

        if ((int)status is >= 200 and < 300)
        {
            return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }

        var permanent = (int)status is >= 400 and < 500 && status is not HttpStatusCode.TooManyRequests and not HttpStatusCode.RequestTimeout;
        throw new SheetDeliveryException($"Google Sheets {call} answered {(int)status}: {Explain(text)}{Advice(status)}", permanent, (int)status);
    }

    private async Task<(HttpStatusCode Status, string Text)> ExchangeAsync(HttpMethod method, string path, string? body, bool idempotent, string call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseUri, path));
        request.Options.Set(SheetsRequestOptions.Idempotent, idempotent);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        string token;
        try
        {
            token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw TokenRefused(e);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new SheetDeliveryException($"Google Sheets {call} got no answer ({e.Message}); {(idempotent ? "it will be tried again" : "whether it was applied is unknown")}.", permanent: false, null, e);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw TokenRefused(e);
        }
    }

    /// <summary>A refusal of the key itself (invalid_grant, a malformed key) is permanent; the token service failing (5xx, no answer) is not.</summary>
    private SheetDeliveryException TokenRefused(Exception e) => e switch
    {
        SheetDeliveryException already => already,
        global::Google.Apis.Auth.OAuth2.Responses.TokenResponseException refused => new(
            $"Google refused the service account {tokens.ClientEmail} a token: {e.Message}",
            permanent: refused.StatusCode is not { } code || (int)code is >= 400 and < 500 && code is not HttpStatusCode.TooManyRequests and not HttpStatusCode.RequestTimeout,
            refused.StatusCode is { } status ? (int)status : null,
            e),
        _ => new($"No token for the service account {tokens.ClientEmail}: {e.Message}", permanent: false, null, e),
    };

    private static string Explain(string body)
    {
        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return error?["message"]?.GetValue<string>() is { } message ? $"{error["status"]?.GetValue<string>()} {message}".Trim() : body;
        }
        catch (JsonException)
        {
            return body.Length > 300 ? body[..300] : body;
        }
    }

    private string Advice(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => $" (share the spreadsheet with {tokens.ClientEmail} as an editor)",
        HttpStatusCode.NotFound => " (check the spreadsheet id in GoogleSpreadsheetId)",
        HttpStatusCode.Unauthorized => " (check GoogleServiceAccountKey)",
        _ => "",
    };
}
