namespace MonitoramentoBKP.Collector.Channels.Telegram;

/// <summary>
/// Telegram's HTML parse mode, written safely: text escaped as Telegram asks (only &amp;, &lt; and &gt;; quotes too
/// inside an attribute), and lengths counted as Telegram counts them: UTF-16 code units of the text after the
/// entities are parsed, that is without the tags, each entity one character.
/// </summary>
public static class TelegramText
{
    /// <summary>The most a message's text may hold after entity parsing.</summary>
    public const int MaxLength = 4096;

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>
    /// At most <paramref name="max"/> UTF-16 code units of <paramref name="text"/>, ending in "…" when cut, never
    /// between the two halves of a surrogate pair.
    /// </summary>
    public static string Clip(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
