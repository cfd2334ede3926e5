using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Channels.Email;

/// <summary>
/// The e-mail of a message: subject "[BKP] FALHOU: Loja Moema (F004) sql-vendas", multipart/alternative with a
/// plain-text and an HTML part telling the same facts (the HTML escaped), a Message-ID made from the event id (a
/// resend is the same message to the reader's client), and for an incident's later messages In-Reply-To and
/// References to its first one, so mail clients thread the recovery under the alert.
/// </summary>
public static class EmailFormatter
{
    public const string SubjectPrefix = "[BKP] ";

    public static MimeMessage Format(ChannelMessage message, EmailSettings settings)
    {
        var document = MessageDocuments.Of(message);
        var from = MailboxAddress.Parse(settings.From);
        var domain = from.Domain;
        var mail = new MimeMessage
        {
            Subject = SubjectPrefix + document.Subject,
            MessageId = MessageId(message.EventId, domain),
            Date = new DateTimeOffset(DateTime.SpecifyKind(At(message), DateTimeKind.Utc)),
        };
        mail.From.Add(from);
        mail.To.AddRange(settings.To.Select(MailboxAddress.Parse));
        if (message is Notification { Sequence: > 1 } later)
        {
            var first = MessageId(later.FirstEventId, domain);
            mail.InReplyTo = first;
            mail.References.Add(first);
        }

        mail.Headers.Add("X-Bkp-Event-Id", message.EventId);
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Body = new BodyBuilder { TextBody = Text(document, message), HtmlBody = Html(document, message) }.ToMessageBody();
        return mail;
    }

    /// <summary>
    /// "F004/sql/20261130-140500.1" as a Message-ID's left part on the sender's domain: letters, digits, '-', '_' and
    /// '/' as they are (all allowed there), anything else as "=XX" hex, so ids never hold two dots in a row.
    /// </summary>
    public static string MessageId(string eventId, string domain)
    {
        var left = new StringBuilder("bkp-");
        foreach (var b in Encoding.UTF8.GetBytes(eventId))
        {
            var c = (char)b;
            left.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"={b:X2}"));
        }

        return $"{left}@{domain}";
    }

    public static string Text(MessageDocument document, ChannelMessage message)
    {
        var text = new StringBuilder();
        text.Append(document.Title).Append('\n');
        if (document.Subtitle is { } subtitle)
        {
            text.Append(subtitle).Append('\n');
        }

        text.Append('\n');
        foreach (var fact in document.Facts)
        {
            text.Append(fact.Label).Append(": ").Append(fact.Value).Append('\n');
        }

        foreach (var section in document.Sections)
        {
            text.Append('\n');
            if (section.Heading is { } heading)
            {
                text.Append(heading).Append('\n');
            }

            foreach (var item in section.Items)
            {
                text.Append("- ").Append(item).Append('\n');
            }
        }

        if (document.WhatToDo is { } todo)
        {
            text.Append('\n').Append(message.Say(ChannelWords.WhatToDo)).Append(": ").Append(todo).Append('\n');
        }

        text.Append('\n');
        if (document.Link is { } link)
        {
            text.Append(document.LinkLabel).Append(": ").Append(link.AbsoluteUri).Append('\n');
        }

        return text.Append(document.Reference).Append('\n').ToString();
    }

    public static string Html(MessageDocument document, ChannelMessage message)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var tone = SheetPalette.Hex(SheetPalette.ToneOf(document.Tone));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(message.Language.Code == "en" ? "en" : "pt-BR")}\">\n<head><meta charset=\"utf-8\"><title>{E(SubjectPrefix + document.Subject)}</title></head>\n");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#202124\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"background:{tone};padding:8px 12px;margin:0\">{E(document.Title)}</h2>\n");
        if (document.Subtitle is { } subtitle)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:4px 12px\">{E(subtitle)}</p>\n");
        }

        html.Append("<table style=\"margin:8px 12px;border-collapse:collapse\">\n");
        foreach (var fact in document.Facts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">{E(fact.Label)}</th><td>{E(fact.Value)}</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var section in document.Sections)
        {
            if (section.Heading is { } heading)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 style=\"margin:12px 12px 4px\">{E(heading)}</h3>\n");
            }

            html.Append("<ul>\n");
            foreach (var item in section.Items)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (document.WhatToDo is { } todo)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:8px 12px\"><b>{E(message.Say(ChannelWords.WhatToDo))}:</b> {E(todo)}</p>\n");
        }

        if (document.Link is { } link)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:8px 12px\"><a href=\"{E(link.AbsoluteUri)}\">{E(document.LinkLabel)}</a></p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:8px 12px;color:#5f6368;font-size:small\">{E(document.Reference)}</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static DateTime At(ChannelMessage message) => message switch
    {
        Notification n => n.AtUtc,
        StormDigest d => d.AtUtc,
        DailySummary s => s.AtUtc,
        _ => throw new ArgumentException($"No time for a {message.GetType().Name}.", nameof(message)),
    };
}
