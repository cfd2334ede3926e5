using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Tests.Support;

/// <summary>A running fake, a spreadsheet on it and an HttpClient that already holds a token, as the collector would.</summary>
internal sealed class Session : IAsyncDisposable
{
    private Session(FakeGoogleServer server, HttpClient http, string spreadsheetId)
    {
        Server = server;
        Http = http;
        SpreadsheetId = spreadsheetId;
    }

    public FakeGoogleServer Server { get; }

    public HttpClient Http { get; }

    public string SpreadsheetId { get; }

    public FakeSpreadsheet Spreadsheet => Server.Spreadsheet(SpreadsheetId);

    public static async Task<Session> StartAsync()
    {
        var server = await FakeGoogleServer.StartAsync();
        var http = new HttpClient { BaseAddress = server.BaseUri };
        var token = await Jwt.TokenAsync(http, server);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Session(server, http, server.CreateSpreadsheet());
    }

    /// <summary>The path of a values method: v4/spreadsheets/{id}/values/{range, escaped}{suffix}.</summary>
    public string ValuesPath(string range, string suffix = "") =>
        $"v4/spreadsheets/{SpreadsheetId}/values/{Uri.EscapeDataString(range)}{suffix}";

    public string SpreadsheetPath(string suffix = "") => $"v4/spreadsheets/{SpreadsheetId}{suffix}";

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Reply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, Json(body));

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, Json(body));

    /// <summary>spreadsheets.batchUpdate with these requests.</summary>
    public Task<Reply> BatchUpdateAsync(params object[] requests) => PostAsync(SpreadsheetPath(":batchUpdate"), new { requests });

    /// <summary>values.update of rows with valueInputOption RAW.</summary>
    public Task<Reply> WriteAsync(string range, params object?[][] rows) =>
        PutAsync(ValuesPath(range, "?valueInputOption=RAW"), new { values = rows });

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    private static string Json(object body) => body as string ?? JsonSerializer.Serialize(body);
}
