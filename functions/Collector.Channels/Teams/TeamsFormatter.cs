using System.Text;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Channels.Teams;

/// <summary>
/// The message a Teams Workflows webhook posts: the envelope {"type":"message","attachments":[{"contentType":
/// "application/vnd.microsoft.card.adaptive","content":card}]} around an Adaptive Card 1.5 (Workflows take
/// Adaptive Cards only; the retired connector cards are not used). Text people wrote (names, reasons, what to do)
/// goes in RichTextBlock TextRuns, which Teams does not read as markdown, so a "*" or "_" in a name stays as it is;
/// facts go in a FactSet; the sheet is an Action.OpenUrl. Lists are cut to keep the card under Teams' ~28 KB.
/// </summary>
public static class TeamsFormatter
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Bytes of list items per card, their JSON included.</summary>
    public const int ListBudget = 16_000;

    public static JsonObject Format(ChannelMessage message) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["contentUrl"] = null, ["content"] = Card(message) }),
    };

    public static JsonObject Card(ChannelMessage message)
    {
        var document = MessageDocuments.Of(message);
        var body = new JsonArray
        {
            Rich(new JsonObject { ["type"] = "TextRun", ["text"] = document.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["color"] = Color(document.Tone) }),
        };
        if (document.Subtitle is { } subtitle)
        {
            var line = Rich(Run(subtitle, subtle: true));
            line["spacing"] = "None";
            body.Add(line);
        }

        body.Add(new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. document.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
        });

        foreach (var section in ListCut.Fit(document.Sections, ListBudget, i => Encoding.UTF8.GetByteCount(i) + 90, n => message.Say(ChannelWords.AndMore(n))))
        {
            var items = new JsonArray();
            if (section.Heading is { } heading)
            {
                items.Add(Rich(new JsonObject { ["type"] = "TextRun", ["text"] = heading, ["weight"] = "Bolder" }));
            }

            foreach (var item in section.Items)
            {
                var line = Rich(Run("• " + item));
                line["spacing"] = "None";
                items.Add(line);
            }

            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items });
        }

        if (document.WhatToDo is { } todo)
        {
            var line = Rich(new JsonObject { ["type"] = "TextRun", ["text"] = message.Say(ChannelWords.WhatToDo) + ": ", ["weight"] = "Bolder" }, Run(todo));
            line["separator"] = true;
            body.Add(line);
        }

        var reference = Rich(new JsonObject { ["type"] = "TextRun", ["text"] = document.Reference, ["isSubtle"] = true, ["size"] = "Small", ["italic"] = true });
        body.Add(reference);

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["fallbackText"] = $"{document.Subject} ({document.Reference})",
            ["body"] = body,
        };
        if (document.Link is { } link)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = document.LinkLabel, ["url"] = link.AbsoluteUri });
        }

        return card;
    }

    private static string Color(SetStatus status) => status switch
    {
        SetStatus.Ok => "Good",
        SetStatus.Warning => "Warning",
        SetStatus.Failed or SetStatus.Missed or SetStatus.Silent => "Attention",
        _ => "Default",
    };

    private static JsonObject Run(string text, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return run;
    }

    private static JsonObject Rich(params JsonObject[] runs) => new() { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray([.. runs]) };
}
