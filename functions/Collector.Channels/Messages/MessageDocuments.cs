using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>Lays out the facts of an alert, a storm digest or a daily summary (pure: the same message gives the same document).</summary>
public static class MessageDocuments
{
    private const string Separator = " — ";

    public static MessageDocument Of(ChannelMessage message) => message switch
    {
        Notification n => Alert(n),
        StormDigest d => Digest(d),
        DailySummary s => Summary(s),
        _ => throw new ArgumentException($"No layout for a {message.GetType().Name}.", nameof(message)),
    };

    /// <summary>"FALHOU: Loja Moema (F004) sql-vendas".</summary>
    public static string Headline(ChannelMessage reader, SetStatus status, string branchId, string branchName, string setId) =>
        $"{reader.Say(ChannelWords.StatusWord(status))}: {Where(branchId, branchName)} {setId}";

    private static MessageDocument Alert(Notification n)
    {
        var headline = Headline(n, n.Status, n.BranchId, n.BranchName, n.SetId);
        var what = n.Say(ChannelWords.EventWord(n.Event));
        var facts = new List<MessageFact>
        {
            new(n.Say(ChannelWords.Event), what),
            new(n.Say(ChannelWords.Status), n.Say(ChannelWords.StatusWord(n.Status))),
        };
        if (n.Previous != n.Status && n.Previous != SetStatus.Unknown)
        {
            facts.Add(new(n.Say(ChannelWords.Previous), n.Say(ChannelWords.StatusWord(n.Previous))));
        }

        facts.Add(new(n.Say(ChannelWords.Since), ChannelWords.Moment(n.SinceUtc, n.TimeZone, n.Language)));
        if (n.Duration is { } lasted)
        {
            facts.Add(new(n.Say(ChannelWords.Duration), n.Say(Say.Age(lasted))));
        }

        facts.Add(new(n.Say(ChannelWords.TimeZone), n.TimeZone.Id));
        var reasons = n.Reasons.Count == 0 ? [] : new[] { new MessageSection(n.Say(ChannelWords.Reason), [.. n.Reasons.Select(r => Reason(n, r))]) };
        return new MessageDocument(
            n.Event == AlertEvent.Opened ? headline : headline + Separator + what,
            headline,
            what,
            n.Status,
            facts,
            reasons,
            n.WhatToDo is { } todo ? n.Say(todo) : null,
            n.SheetUrl,
            n.Say(ChannelWords.OpenSheet),
            $"{n.Say(ChannelWords.Alert)}: {n.EventId}");
    }

    private static MessageDocument Digest(StormDigest d)
    {
        var counts = string.Join(" · ", d.CountsByStatus.Select(c => $"{c.Count} {d.Say(ChannelWords.StatusWord(c.Status))}"));
        var title = $"{d.Say(ChannelWords.Alerts(d.Notifications.Count))}{Separator}{d.Route}";
        var items = d.WorstFirst.Select(n => Line(n, n.Status, n.BranchId, n.BranchName, n.SetId, n.SinceUtc, n.TimeZone, n.Reasons)).ToList();
        return new MessageDocument(
            $"{title}: {counts}",
            title,
            counts,
            d.Notifications.Select(n => n.Status).Aggregate(SetStatus.Unknown, SetStatusOrder.Worst),
            [new(d.Say(ChannelWords.Time), ChannelWords.Moment(d.AtUtc, d.TimeZone, d.Language))],
            [new MessageSection(null, items)],
            null,
            d.SheetUrl,
            d.Say(ChannelWords.OpenSheet),
            $"{d.Say(ChannelWords.Reference)}: {d.EventId}");
    }

    private static MessageDocument Summary(DailySummary s)
    {
        var c = s.Counts;
        (SetStatus Status, int Count)[] all = [(SetStatus.Failed, c.Failed), (SetStatus.Missed, c.Missed), (SetStatus.Silent, c.Silent), (SetStatus.Warning, c.Warning), (SetStatus.Ok, c.Ok)];
        var counts = string.Join(" · ", all.Select(x => $"{x.Count} {s.Say(ChannelWords.StatusWord(x.Status))}"));
        var day = s.Day.ToString(s.Language.DateTimePattern.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var title = $"{s.Say(ChannelWords.DailySummary)} {day}{Separator}{s.Route}";

        var problems = s.ProblemsWorstFirst.Select(p => Line(s, p.Status, p.BranchId, p.BranchName, p.SetId, p.SinceUtc, p.TimeZone, p.Reasons)).ToList();
        var sections = new List<MessageSection>
        {
            new($"{s.Say(ChannelWords.Problems)} ({problems.Count})", problems.Count == 0 ? [s.Say(ChannelWords.NoProblems)] : problems),
        };
        if (s.Recovered.Count > 0)
        {
            sections.Add(new($"{s.Say(ChannelWords.RecoveredLastDay)} ({s.Recovered.Count})", [.. s.RecoveredLatestFirst.Select(r =>
                $"{Where(r.BranchId, r.BranchName)} {r.SetId}{Separator}{ChannelWords.Moment(r.ResolvedUtc, r.TimeZone, s.Language)}"
                + (r.Lasted is { } lasted ? $", {s.Say(ChannelWords.Lasted)} {s.Say(Say.Age(lasted))}" : ""))]));
        }

        if (s.Probes.Count > 0)
        {
            sections.Add(new($"{s.Say(ChannelWords.Probes)} ({s.Probes.Count})", [.. s.Probes.OrderBy(p => p.BranchId, StringComparer.OrdinalIgnoreCase).Select(p =>
                $"{Where(p.BranchId, p.BranchName)}{Separator}{s.Say(ChannelWords.ProbeVersion)} {p.Version}: "
                + (p.UpdateFailed ? s.Say(ChannelWords.UpdateFailed) + (string.IsNullOrWhiteSpace(p.Detail) ? "" : $" ({p.Detail})") : s.Say(ChannelWords.OldVersion)))]));
        }

        var worst = c.Failed > 0 ? SetStatus.Failed : c.Missed > 0 ? SetStatus.Missed : c.Silent > 0 ? SetStatus.Silent : c.Warning > 0 ? SetStatus.Warning : SetStatus.Ok;
        return new MessageDocument(
            $"{title}: {counts}",
            title,
            counts,
            worst,
            [new(s.Say(ChannelWords.Time), ChannelWords.Moment(s.AtUtc, s.TimeZone, s.Language))],
            sections,
            null,
            s.SheetUrl,
            s.Say(ChannelWords.OpenSheet),
            $"{s.Say(ChannelWords.Reference)}: {s.EventId}");
    }

    /// <summary>"FALHOU: Loja Moema (F004) sql-vendas — desde 30/11/2026 11:05 — reason • reason".</summary>
    private static string Line(ChannelMessage reader, SetStatus status, string branchId, string branchName, string setId, DateTime sinceUtc, TimeZoneInfo zone, IReadOnlyList<FindingRecord> reasons)
    {
        var line = $"{Headline(reader, status, branchId, branchName, setId)}{Separator}{reader.Say(ChannelWords.Since).ToLowerInvariant()} {ChannelWords.Moment(sinceUtc, zone, reader.Language)}";
        return reasons.Count == 0 ? line : line + Separator + string.Join(" • ", reasons.Select(r => Reason(reader, r)));
    }

    private static string Reason(ChannelMessage reader, FindingRecord reason) => reader.Language.Code == "en" ? reason.En : reason.Pt;

    private static string Where(string branchId, string branchName) =>
        string.Equals(branchName, branchId, StringComparison.OrdinalIgnoreCase) ? branchId : $"{branchName} ({branchId})";
}
