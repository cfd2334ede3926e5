using System.Text;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;

namespace MonitoramentoBKP.Collector.Channels.GoogleChat;

/// <summary>
/// The Chat message of an incoming webhook: a short <c>text</c> (what notifications and the space list show), one
/// <c>cardsV2</c> card (header with title and subtitle, a section of facts as decoratedText, a section per list,
/// what to do, a button to the sheet and the event id), and <c>thread.threadKey</c>: the incident id for an alert,
/// so its later messages land in its thread, and the message's own id for a digest or summary. Card text takes
/// Chat's HTML subset, so it is escaped (&amp;, &lt;, &gt;). Lists are cut to keep the message well under Chat's
/// 32,000-byte limit.
/// </summary>
public static class GoogleChatFormatter
{
    /// <summary>Bytes of list text per message; the rest of a card is small.</summary>
    public const int ListBudget = 20_000;

    public static JsonObject Format(ChannelMessage message)
    {
        var document = MessageDocuments.Of(message);
        var sections = new JsonArray
        {
            new JsonObject
            {
                ["widgets"] = new JsonArray([.. document.Facts.Select(f => (JsonNode)new JsonObject
                {
                    ["decoratedText"] = new JsonObject { ["topLabel"] = f.Label, ["text"] = Escape(f.Value), ["wrapText"] = true },
                })]),
            },
        };
        foreach (var section in ListCut.Fit(document.Sections, ListBudget, i => Encoding.UTF8.GetByteCount(Escape(i)) + 6, n => message.Say(ChannelWords.AndMore(n))))
        {
            var list = new JsonObject { ["widgets"] = new JsonArray(Paragraph(string.Join("<br>", section.Items.Select(i => "• " + Escape(i))))) };
            if (section.Heading is { } heading)
            {
                list["header"] = heading;
            }

            sections.Add(list);
        }

        if (document.WhatToDo is { } todo)
        {
            sections.Add(new JsonObject { ["header"] = message.Say(ChannelWords.WhatToDo), ["widgets"] = new JsonArray(Paragraph(Escape(todo))) });
        }

        var closing = new JsonArray();
        if (document.Link is { } link)
        {
            closing.Add(new JsonObject
            {
                ["buttonList"] = new JsonObject
                {
                    ["buttons"] = new JsonArray(new JsonObject { ["text"] = document.LinkLabel, ["onClick"] = new JsonObject { ["openLink"] = new JsonObject { ["url"] = link.AbsoluteUri } } }),
                },
            });
        }

        closing.Add(Paragraph($"<i>{Escape(document.Reference)}</i>"));
        sections.Add(new JsonObject { ["widgets"] = closing });

        var header = new JsonObject { ["title"] = document.Title };
        if (document.Subtitle is { } subtitle)
        {
            header["subtitle"] = subtitle;
        }

        return new JsonObject
        {
            ["text"] = $"{document.Subject} ({document.Reference})",
            ["cardsV2"] = new JsonArray(new JsonObject
            {
                ["cardId"] = message.EventId,
                ["card"] = new JsonObject { ["header"] = header, ["sections"] = sections },
            }),
            ["thread"] = new JsonObject { ["threadKey"] = ThreadKey(message) },
        };
    }

    /// <summary>The incident for an alert (its opening, escalation, reminders and recovery share one thread); the message itself otherwise.</summary>
    public static string ThreadKey(ChannelMessage message) => message is Notification n ? n.IncidentId : message.EventId;

    /// <summary>Chat's card text is a subset of HTML: these three are all that must not be read as markup.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Paragraph(string html) => new() { ["textParagraph"] = new JsonObject { ["text"] = html } };
}
