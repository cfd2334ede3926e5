using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeChannels.Http;

namespace MonitoramentoBKP.FakeChannels.GoogleChat;

/// <summary>
/// A Google Chat space's incoming webhook: POST /v1/spaces/{space}/messages?key=..&amp;token=.. with a JSON message
/// (UTF-8). A wrong key or token is refused as Google does; the body must be a message of text and/or cardsV2
/// whose cards use only the widgets this product sends (decoratedText, textParagraph, buttonList, divider), at
/// most 100 widgets a card and 32,000 bytes a message. Threads work as in Chat: with
/// messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD a threadKey seen before replies in its thread;
/// without it every message starts a new thread.
/// </summary>
public sealed class FakeGoogleChat : FakeHttpService
{
    private static readonly HashSet<string> MessageFields = new(StringComparer.Ordinal) { "text", "cardsV2", "thread" };
    private static readonly HashSet<string> Widgets = new(StringComparer.Ordinal) { "decoratedText", "textParagraph", "buttonList", "divider" };

    private readonly Lock gate = new();
    private readonly Dictionary<string, string> threads = new(StringComparer.Ordinal);
    private readonly List<ChatPost> posts = [];

    private FakeGoogleChat()
    {
    }

    public string Space { get; } = "AAAAbkpTest";
    public string Key { get; } = "AIzaSyFakeKeyForTheTests";
    public string Token { get; } = "fake-token-abc123";

    public Uri WebhookUrl => new(BaseUri, $"v1/spaces/{Space}/messages?key={Key}&token={Token}");

    /// <summary>The messages posted, with the thread each landed in.</summary>
    public IReadOnlyList<ChatPost> Posts
    {
        get
        {
            lock (gate)
            {
                return [.. posts];
            }
        }
    }

    public static async Task<FakeGoogleChat> StartAsync()
    {
        var chat = new FakeGoogleChat();
        await chat.ListenAsync().ConfigureAwait(false);
        return chat;
    }

    protected override FakeAnswer Answer(FakeRequest request)
    {
        if (request.Method != "POST" || request.Path != $"/v1/spaces/{Space}/messages")
        {
            return Refuse(404, "NOT_FOUND", $"Requested entity was not found ({request.Method} {request.Path}).");
        }

        if (request.Query.GetValueOrDefault("key") != Key || request.Query.GetValueOrDefault("token") != Token)
        {
            return Refuse(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        }

        if (request.MediaType != "application/json" || request.Charset is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(400, "INVALID_ARGUMENT", $"Content-Type {request.Header("Content-Type")} is not application/json; charset=UTF-8.");
        }

        if (Encoding.UTF8.GetByteCount(request.Body) > 32_000)
        {
            return Refuse(400, "INVALID_ARGUMENT", "Message is too large: at most 32,000 bytes.");
        }

        JsonObject message;
        try
        {
            message = JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Refuse(400, "INVALID_ARGUMENT", $"Invalid JSON payload received. {e.Message}");
        }

        var problem = Check(message);
        if (problem is not null)
        {
            return Refuse(400, "INVALID_ARGUMENT", problem);
        }

        var key = message["thread"]?["threadKey"]?.GetValue<string>();
        var reply = request.Query.GetValueOrDefault("messageReplyOption") == "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";
        string thread;
        int number;
        lock (gate)
        {
            number = posts.Count + 1;
            if (!reply || key is null || !threads.TryGetValue(key, out thread!))
            {
                thread = $"spaces/{Space}/threads/t{number}";
                if (reply && key is not null)
                {
                    threads[key] = thread;
                }
            }

            posts.Add(new ChatPost(message, key, thread));
        }

        return new FakeAnswer(200, new JsonObject
        {
            ["name"] = $"spaces/{Space}/messages/m{number}",
            ["thread"] = new JsonObject { ["name"] = thread, ["threadKey"] = key },
            ["text"] = message["text"]?.DeepClone(),
        }.ToJsonString());
    }

    protected override FakeAnswer Error(int status, string? message, TimeSpan? retryAfter) => new(status, ErrorBody(status, status switch
    {
        429 => "RESOURCE_EXHAUSTED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        400 => "INVALID_ARGUMENT",
        503 => "UNAVAILABLE",
        _ => "INTERNAL",
    }, message ?? $"The fake Chat fails with {status}."));

    private static string? Check(JsonObject message)
    {
        if (message.Select(p => p.Key).FirstOrDefault(k => !MessageFields.Contains(k)) is { } unknown)
        {
            return $"Unknown name \"{unknown}\": Cannot find field.";
        }

        if (message["text"] is null && message["cardsV2"] is null)
        {
            return "Message must have text or cardsV2.";
        }

        if (message["text"] is { } text && (text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Length > 4096))
        {
            return "text must be a string of at most 4,096 characters.";
        }

        if (message["thread"] is { } thread && (thread is not JsonObject t || t["threadKey"]?.GetValueKind() != JsonValueKind.String))
        {
            return "thread must be an object with a threadKey string.";
        }

        foreach (var (entry, i) in (message["cardsV2"] as JsonArray ?? []).Select((e, i) => (e, i)))
        {
            var at = $"cardsV2[{i}]";
            if (entry?["cardId"]?.GetValueKind() != JsonValueKind.String || entry["card"] is not JsonObject card)
            {
                return $"{at} needs a cardId and a card.";
            }

            if (card["header"] is { } header && header["title"]?.GetValueKind() != JsonValueKind.String)
            {
                return $"{at}.card.header needs a title.";
            }

            if (card["sections"] is not JsonArray sections || sections.Count == 0)
            {
                return $"{at}.card has no sections.";
            }

            var widgets = 0;
            foreach (var (section, s) in sections.Select((x, s) => (x, s)))
            {
                if (section?["widgets"] is not JsonArray list || list.Count == 0)
                {
                    return $"{at}.card.sections[{s}] has no widgets.";
                }

                foreach (var widget in list)
                {
                    widgets++;
                    var kinds = (widget as JsonObject)?.Select(p => p.Key).ToList() ?? [];
                    if (kinds.Count != 1 || !Widgets.Contains(kinds[0]))
                    {
                        return $"{at}.card.sections[{s}]: a widget must be exactly one of {string.Join(", ", Widgets)}; got {string.Join(", ", kinds)}.";
                    }

                    var problem = kinds[0] switch
                    {
                        "decoratedText" or "textParagraph" when widget![kinds[0]]?["text"]?.GetValueKind() != JsonValueKind.String => $"{kinds[0]} needs text.",
                        "buttonList" when widget!["buttonList"]?["buttons"] is not JsonArray { Count: > 0 } buttons
                            || buttons.Any(b => b?["text"] is null || b["onClick"]?["openLink"]?["url"]?.GetValueKind() != JsonValueKind.String) => "each button needs text and onClick.openLink.url.",
                        _ => null,
                    };
                    if (problem is not null)
                    {
                        return $"{at}.card.sections[{s}]: {problem}";
                    }
                }
            }

            if (widgets > 100)
            {
                return $"{at}.card has {widgets} widgets; Chat shows at most 100.";
            }
        }

        return null;
    }

    private static string ErrorBody(int status, string code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["status"] = code } }.ToJsonString();

    private static FakeAnswer Refuse(int status, string code, string message) => new(status, ErrorBody(status, code, message)) { Problem = message };
}
