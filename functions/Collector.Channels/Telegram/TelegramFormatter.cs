using MonitoramentoBKP.Collector.Channels.Messages;

namespace MonitoramentoBKP.Collector.Channels.Telegram;

/// <summary>
/// The text of a Telegram message in HTML parse mode: the title in bold, the facts, the lists, what to do, the
/// link to the sheet and the event id in italics. A message longer than Telegram takes (4,096 UTF-16 code units
/// after entity parsing) keeps its title, facts, link and id and drops list items from the end, saying how many
/// ("… e mais 12"); every line is whole, so no tag is ever cut.
/// </summary>
public static class TelegramFormatter
{
    /// <summary>Longest single line; longer names and reasons are clipped with "…".</summary>
    private const int MaxLine = 1024;

    /// <param name="maxLength">Telegram's limit; smaller only to test the cutting.</param>
    public static string Format(ChannelMessage message, int maxLength = TelegramText.MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 256);
        var document = MessageDocuments.Of(message);
        var head = new List<Line> { Line.Bold(document.Title) };
        if (document.Subtitle is { } subtitle)
        {
            head.Add(Line.Plain(subtitle));
        }

        head.Add(Line.Blank);
        head.AddRange(document.Facts.Select(f => Line.Labelled(f.Label, f.Value)));

        var tail = new List<Line>();
        if (document.WhatToDo is { } todo)
        {
            tail.Add(Line.Blank);
            tail.Add(Line.Labelled(message.Say(ChannelWords.WhatToDo), todo));
        }

        tail.Add(Line.Blank);
        if (document.Link is { } link)
        {
            tail.Add(Line.Link(link, document.LinkLabel));
        }

        tail.Add(Line.Italic(document.Reference));

        var fixedLength = Length(head) + Length(tail);
        var sections = document.Sections.Select(s => (s.Heading, Items: s.Items.Select(i => Line.Plain("• " + i)).ToList())).ToList();

        // Room for the headings and an "… and N more" line under each section, so what is dropped can be said.
        var reserve = sections.Sum(s => 1 + (s.Heading is null ? 0 : Line.Bold(s.Heading).Length + 1) + message.Say(ChannelWords.AndMore(99_999)).Length + 1);
        var budget = maxLength - fixedLength - reserve;
        var body = new List<Line>();
        foreach (var (heading, items) in sections)
        {
            body.Add(Line.Blank);
            if (heading is not null)
            {
                body.Add(Line.Bold(heading));
            }

            var kept = 0;
            foreach (var item in items)
            {
                if (item.Length + 1 > budget)
                {
                    break;
                }

                body.Add(item);
                budget -= item.Length + 1;
                kept++;
            }

            if (kept < items.Count)
            {
                body.Add(Line.Plain(message.Say(ChannelWords.AndMore(items.Count - kept))));
                budget = 0;
            }
        }

        // Facts right before the lists read as one block; the blank line separating them comes with the first list.
        var lines = head.Concat(body).Concat(tail).ToList();
        while (Length(lines) > maxLength)
        {
            // Only lines that cannot be dropped are left: shorten the longest (a pathological name or instruction).
            var longest = lines.IndexOf(lines.MaxBy(l => l.Length)!);
            lines[longest] = lines[longest].Shorter();
        }

        return string.Join("\n", lines.Select(l => l.Html));
    }

    private static int Length(List<Line> lines) => lines.Sum(l => l.Length) + Math.Max(0, lines.Count - 1);

    /// <summary>One line of the message: its HTML and its length as Telegram counts it; <see cref="Text"/> is its text before escaping, to shorten it again.</summary>
    private sealed record Line(string Html, int Length, string Text, Func<string, Line> Remake)
    {
        public static readonly Line Blank = Plain("");

        public static Line Plain(string text)
        {
            var clipped = TelegramText.Clip(text, MaxLine);
            return new(TelegramText.Escape(clipped), clipped.Length, clipped, Plain);
        }

        public static Line Bold(string text)
        {
            var clipped = TelegramText.Clip(text, MaxLine);
            return new($"<b>{TelegramText.Escape(clipped)}</b>", clipped.Length, clipped, Bold);
        }

        public static Line Italic(string text)
        {
            var clipped = TelegramText.Clip(text, MaxLine);
            return new($"<i>{TelegramText.Escape(clipped)}</i>", clipped.Length, clipped, Italic);
        }

        public static Line Labelled(string label, string value)
        {
            var clipped = TelegramText.Clip(value, MaxLine);
            return new($"<b>{TelegramText.Escape(label)}:</b> {TelegramText.Escape(clipped)}", label.Length + 2 + clipped.Length, clipped, v => Labelled(label, v));
        }

        public static Line Link(Uri url, string label) =>
            new($"<a href=\"{TelegramText.EscapeAttribute(url.AbsoluteUri)}\">{TelegramText.Escape(label)}</a>", label.Length, label, shorter => Link(url, shorter));

        public Line Shorter() => Text.Length <= 1 ? this with { Html = "", Length = 0 } : Remake(TelegramText.Clip(Text, Math.Max(1, Text.Length / 2)));
    }
}
