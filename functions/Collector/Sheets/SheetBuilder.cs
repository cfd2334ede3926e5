using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// Builds the three tabs from the collector's state: Status (one row per branch and set, worst first), Histórico
/// (the last 30 local days per branch and set) and the Alertas rows. Pure: the same state and time give the same
/// tabs, so rewriting twice gives the same sheet.
/// </summary>
public sealed class SheetBuilder(SheetLanguage language)
{
    public SheetLanguage Language => language;

    /// <param name="nowUtc">For the silences in effect (shown before the reasons); without it, those the branches' state records as in effect.</param>
    public SheetTab Status(IReadOnlyList<(BranchPolicy Branch, BranchSnapshot Snapshot)> branches, DateTime? nowUtc = null)
    {
        var rows = branches
            .Where(b => !b.Branch.Retired)
            .SelectMany(b => b.Branch.Sets.Select(policy => (b.Branch, b.Snapshot, Policy: policy, State: b.Snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id })))
            .OrderByDescending(r => r.Branch.Paused ? -1 : r.State.Status.Rank())
            .ThenBy(r => r.State.SinceUtc ?? DateTime.MaxValue)
            .ThenBy(r => r.Branch.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Policy.Id, StringComparer.OrdinalIgnoreCase)
            .Select(r => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(r.Branch.Id),
                SheetCell.Of(r.Branch.Name),
                SheetCell.Of(r.Policy.Id),
                SheetCell.Of(language.Say(r.Branch.Paused ? SheetPalette.Paused : SheetPalette.Label(r.State.Status))),
                SheetCell.At(r.State.SinceUtc, r.Policy.TimeZone),
                SheetCell.Of(string.Join(" • ", new[] { Silenced(r.Branch, r.Snapshot.Contact, r.Policy, nowUtc), Reasons(r.State.Reasons) }.Where(t => t.Length > 0))),
                SheetCell.At(r.State.Newest?.LastWriteUtc, r.Policy.TimeZone),
                SheetCell.Of(r.State.Newest?.Path),
                SheetCell.Of(r.State.Newest is { } n ? language.Say(Say.Size(n.Size)) : null),
                SheetCell.At(r.Snapshot.Contact.LastContactUtc, r.Policy.TimeZone),
                SheetCell.Of(ProbeNote.Of(r.Snapshot.Contact, r.Policy.TimeZone) is { } note ? language.Say(note) : r.Snapshot.Contact.ProbeVersion),
                SheetCell.Of(r.Policy.TimeZone.Id),
            ])
            .ToList();
        return new SheetTab(SheetTab.Status, SheetLayout.StatusColumns, rows);
    }

    /// <summary>The grid's columns are the days of <paramref name="nowUtc"/>'s last 30 days in <paramref name="headerZone"/>; each branch's cell is its own local day of that date.</summary>
    public SheetTab History(IReadOnlyList<(BranchPolicy Branch, BranchSnapshot Snapshot)> branches, DateTime nowUtc, TimeZoneInfo headerZone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, headerZone));
        var first = today.AddDays(1 - SheetLayout.HistoryDays);
        var rows = new List<IReadOnlyList<SheetCell>>();
        foreach (var (branch, snapshot) in branches.Where(b => !b.Branch.Retired).OrderBy(b => b.Branch.Id, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var policy in branch.Sets.OrderBy(s => s.Id, StringComparer.OrdinalIgnoreCase))
            {
                var cells = new List<SheetCell> { SheetCell.Of(branch.Id), SheetCell.Of(branch.Name), SheetCell.Of(policy.Id) };
                for (var day = first; day <= today; day = day.AddDays(1))
                {
                    cells.Add(SheetCell.Of(snapshot.Days.TryGetValue((policy.Id, day), out var verdict)
                        ? SheetPalette.Symbol(verdict.Status)
                        : policy.Calendar.IsOpen(day) ? "" : SheetPalette.Closed));
                }

                rows.Add(cells);
            }
        }

        return new SheetTab(SheetTab.History, SheetLayout.HistoryColumns(today, language), rows);
    }

    /// <summary>Alert rows as cells; <paramref name="find"/> gives a branch's name and a set's time zone (null for a branch no longer registered).</summary>
    public SheetTab Alerts(IEnumerable<AlertRow> alerts, Func<string, BranchPolicy?> find)
    {
        var rows = alerts.Select(a =>
        {
            var branch = find(a.BranchId);
            var zone = branch?.Sets.FirstOrDefault(s => string.Equals(s.Id, a.SetId, StringComparison.OrdinalIgnoreCase))?.TimeZone
                ?? branch?.Sets.FirstOrDefault()?.TimeZone ?? TimeZoneInfo.Utc;
            return (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(a.AlertId),
                SheetCell.At(a.AtUtc, zone),
                SheetCell.Of(a.BranchId),
                SheetCell.Of(branch?.Name ?? a.BranchId),
                SheetCell.Of(a.SetId),
                SheetCell.Of(language.Say(SheetLayout.EventLabel(a.Event))),
                SheetCell.Of(language.Say(SheetPalette.Label(a.Status))),
                SheetCell.Of(language.Say(SheetPalette.Label(a.Previous))),
                SheetCell.Of(Reasons(a.Reasons)),
                SheetCell.Of(a.Duration is { } d ? language.Say(Say.Age(d)) : null),
                SheetCell.Of(zone.Id),
            ];
        }).ToList();
        return new SheetTab(SheetTab.Alerts, SheetLayout.AlertColumns, rows);
    }

    /// <summary>The three tabs with no rows: what <c>sheets init</c> lays out.</summary>
    public IReadOnlyList<SheetTab> Layout(DateTime nowUtc, TimeZoneInfo headerZone) =>
    [
        new(SheetTab.Status, SheetLayout.StatusColumns, []),
        new(SheetTab.Alerts, SheetLayout.AlertColumns, []),
        new(SheetTab.History, SheetLayout.HistoryColumns(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, headerZone)), language), []),
    ];

    /// <summary>"SILENCIADA até 05/12 18:00 — motivo" for a set silenced now; empty otherwise.</summary>
    private string Silenced(BranchPolicy branch, BranchContact contact, BackupSetPolicy policy, DateTime? nowUtc)
    {
        var silence = nowUtc is { } now ? Silencing.Silences.InEffect(branch, contact, now) : contact.Silence is { EndedUtc: null } open ? open : null;
        if (silence is null || !silence.Covers(policy.Id))
        {
            return "";
        }

        var until = Silencing.Silences.LocalEnd(silence.UntilUtc, policy.TimeZone);
        return language.Code == "en" ? $"SILENCED until {until} — {silence.Reason}" : $"SILENCIADA até {until} — {silence.Reason}";
    }

    private string Reasons(IReadOnlyList<FindingRecord> reasons) =>
        string.Join(" • ", reasons.Select(r => language.Code == "en" ? r.En : r.Pt));
}
