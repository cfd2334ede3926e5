using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>What an alert row does not carry and a person needs: the branch's name, since when the problem stands, what to do, where the sheet is, and the branch's time zone and the reader's language.</summary>
public sealed record NotificationContext
{
    public required string BranchName { get; init; }

    /// <summary>When the set took the status it has now (the sheet's "Desde").</summary>
    public required DateTime SinceUtc { get; init; }

    /// <summary>The branch's own time zone: times are shown as its staff read them.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>What the reader should do about it; null when there is nothing to do (a recovery).</summary>
    public Text? WhatToDo { get; init; }

    public Uri? SheetUrl { get; init; }

    public SheetLanguage Language { get; init; } = SheetLanguage.Portuguese;
}
