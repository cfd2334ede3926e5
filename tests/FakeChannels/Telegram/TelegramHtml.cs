using System.Globalization;
using System.Text;

namespace MonitoramentoBKP.FakeChannels.Telegram;

/// <summary>
/// Parses text in Telegram's HTML parse mode as the Bot API does, strictly: only its tags (b, strong, i, em, u, ins,
/// s, strike, del, span class="tg-spoiler", tg-spoiler, a href, code, pre, blockquote, tg-emoji), closed in order;
/// only the named entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones; a bare &lt;, &gt; or &amp; is an error. Gives the
/// text without the markup, whose UTF-16 length is what Telegram limits.
/// </summary>
public static class TelegramHtml
{
    private static readonly HashSet<string> Tags = new(StringComparer.Ordinal) { "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji" };

    /// <summary>The plain text, or the error Telegram would give ("can't parse entities: ...").</summary>
    public static (string? Text, string? Error) Parse(string html)
    {
        var text = new StringBuilder();
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    return (null, $"Unclosed start tag at byte offset {i}");
                }

                var tag = html[(i + 1)..end];
                var error = tag.StartsWith('/') ? Close(tag[1..].Trim(), open, i) : Open(tag, open, i);
                if (error is not null)
                {
                    return (null, error);
                }

                i = end;
            }
            else if (c == '>')
            {
                return (null, $"Character '>' is reserved and must be escaped with \"&gt;\" at byte offset {i}");
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end < 0 ? null : Entity(html[(i + 1)..end]);
                if (entity is null)
                {
                    return (null, $"Character '&' must be escaped with \"&amp;\" or start a known entity at byte offset {i}");
                }

                text.Append(entity);
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return open.Count > 0 ? (null, $"Can't find end tag corresponding to start tag \"{open.Peek()}\"") : (text.ToString(), null);
    }

    private static string? Open(string tag, Stack<string> open, int at)
    {
        var space = tag.IndexOfAny([' ', '\t', '\n']);
        var name = (space < 0 ? tag : tag[..space]).ToLowerInvariant();
        var attributes = space < 0 ? "" : tag[space..].Trim();
        if (!Tags.Contains(name))
        {
            return $"Unsupported start tag \"{name}\" at byte offset {at}";
        }

        if (name == "a" && !attributes.StartsWith("href=\"", StringComparison.Ordinal))
        {
            return $"Tag \"a\" must have an href attribute at byte offset {at}";
        }

        if (name == "span" && attributes != "class=\"tg-spoiler\"")
        {
            return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {at}";
        }

        if (attributes.Contains('<', StringComparison.Ordinal))
        {
            return $"Unexpected '<' in the attributes of \"{name}\" at byte offset {at}";
        }

        open.Push(name);
        return null;
    }

    private static string? Close(string name, Stack<string> open, int at)
    {
        if (open.Count == 0 || open.Peek() != name.ToLowerInvariant())
        {
            return $"Unmatched end tag at byte offset {at}, expected \"</{(open.Count == 0 ? "" : open.Peek())}>\", found \"</{name}>\"";
        }

        open.Pop();
        return null;
    }

    private static string? Entity(string name) => name switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF => char.ConvertFromUtf32(code),
        ['#', .. var dec] when int.TryParse(dec, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF => char.ConvertFromUtf32(code),
        _ => null,
    };
}
