namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// Fits a message's lists into what a service takes: items are kept in order while their size fits the budget,
/// and a section that lost some ends with "… e mais N" / "… and N more". Sections after the budget ran out keep
/// their heading and only that line, so the reader still sees that they exist.
/// </summary>
public static class ListCut
{
    /// <param name="size">The size of one item as the service counts it (bytes of its JSON, UTF-16 units...).</param>
    public static IReadOnlyList<MessageSection> Fit(IReadOnlyList<MessageSection> sections, int budget, Func<string, int> size, Func<int, string> andMore)
    {
        var left = budget;
        var fitted = new List<MessageSection>(sections.Count);
        foreach (var section in sections)
        {
            var kept = new List<string>();
            foreach (var item in section.Items)
            {
                var cost = size(item);
                if (cost > left)
                {
                    left = 0;
                    break;
                }

                kept.Add(item);
                left -= cost;
            }

            if (kept.Count < section.Items.Count)
            {
                kept.Add(andMore(section.Items.Count - kept.Count));
            }

            fitted.Add(section with { Items = kept });
        }

        return fitted;
    }
}
