using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeChannels.Http;

namespace MonitoramentoBKP.FakeChannels.Telegram;

/// <summary>
/// The Bot API's sendMessage for one bot and its chats: POST /bot{token}/sendMessage with a JSON body; a wrong
/// token is 401 "Unauthorized", an unknown chat 400 "chat not found"; parse_mode HTML is parsed as Telegram does
/// (<see cref="TelegramHtml"/>) and the text after parsing must be 1 to 4,096 UTF-16 code units. Errors are
/// Telegram's body ({"ok":false,"error_code","description"}), a 429 with parameters.retry_after.
/// </summary>
public sealed class FakeTelegram : FakeHttpService
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "chat_id", "text", "parse_mode", "link_preview_options", "disable_notification", "message_thread_id" };

    private readonly Lock gate = new();
    private readonly List<(string ChatId, string Text)> messages = [];
    private int next;

    private FakeTelegram()
    {
    }

    public string Token { get; } = "123456789:AAFakeTokenForTheTests_abcdefghij";

    /// <summary>The only chat the bot is a member of.</summary>
    public string ChatId { get; } = "-1001234567890";

    /// <summary>The texts posted, as chat members read them (markup parsed away).</summary>
    public IReadOnlyList<(string ChatId, string Text)> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public static async Task<FakeTelegram> StartAsync()
    {
        var telegram = new FakeTelegram();
        await telegram.ListenAsync().ConfigureAwait(false);
        return telegram;
    }

    protected override FakeAnswer Answer(FakeRequest request)
    {
        if (!request.Path.StartsWith("/bot", StringComparison.Ordinal) || !request.Path.EndsWith("/sendMessage", StringComparison.Ordinal))
        {
            return Refuse(404, "Not Found");
        }

        if (request.Path != $"/bot{Token}/sendMessage")
        {
            return Refuse(401, "Unauthorized");
        }

        if (request.Method != "POST" || request.MediaType != "application/json")
        {
            return Refuse(400, $"Bad Request: the fake takes POST with application/json, got {request.Method} {request.MediaType}");
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Refuse(400, $"Bad Request: can't parse JSON: {e.Message}");
        }

        var unknown = body.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k));
        if (unknown is not null)
        {
            return Refuse(400, $"Bad Request: the fake does not know the field \"{unknown}\"");
        }

        var chat = body["chat_id"] switch
        {
            JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => null,
        };
        if (chat != ChatId)
        {
            return Refuse(400, "Bad Request: chat not found");
        }

        if ((string?)body["parse_mode"] != "HTML" || body["text"] is not JsonValue t || !t.TryGetValue<string>(out var html))
        {
            return Refuse(400, "Bad Request: the fake expects a text and parse_mode HTML");
        }

        var (text, error) = TelegramHtml.Parse(html);
        if (error is not null)
        {
            return Refuse(400, $"Bad Request: can't parse entities: {error}");
        }

        if (text!.Trim().Length == 0)
        {
            return Refuse(400, "Bad Request: message text is empty");
        }

        if (text.Length > 4096)
        {
            return Refuse(400, "Bad Request: message is too long");
        }

        int id;
        lock (gate)
        {
            messages.Add((chat, text));
            id = ++next;
        }

        return new FakeAnswer(200, new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject
            {
                ["message_id"] = id,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = long.Parse(chat, CultureInfo.InvariantCulture), ["type"] = "supergroup" },
                ["text"] = text,
            },
        }.ToJsonString());
    }

    protected override FakeAnswer Error(int status, string? message, TimeSpan? retryAfter)
    {
        var body = new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = status,
            ["description"] = message ?? status switch
            {
                429 => $"Too Many Requests: retry after {(int)Math.Ceiling(retryAfter?.TotalSeconds ?? 1)}",
                403 => "Forbidden: bot was kicked from the supergroup chat",
                401 => "Unauthorized",
                400 => "Bad Request: chat not found",
                _ => "Internal Server Error",
            },
        };
        if (retryAfter is { } wait)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = (int)Math.Ceiling(wait.TotalSeconds) };
        }

        return new FakeAnswer(status, body.ToJsonString());
    }

    private static FakeAnswer Refuse(int status, string description) =>
        new(status, JsonSerializer.Serialize(new { ok = false, error_code = status, description })) { Problem = description };
}
