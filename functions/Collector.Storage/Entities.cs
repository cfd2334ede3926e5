using System.Text.Json;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>Maps the state records to table entities and back; lists travel as JSON text properties.</summary>
internal static class Entities
{
    public static TableEntity From(string pk, BranchContact c) => new(pk, Rows.Branch)
    {
        ["LastContactUtc"] = Offset(c.LastContactUtc),
        ["ProbeVersion"] = c.ProbeVersion,
        ["HostName"] = c.HostName,
        ["LastRunUtc"] = Offset(c.LastRunUtc),
        ["LastManifestBlob"] = c.LastManifestBlob,
        ["BaselineBlob"] = c.BaselineBlob,
        ["Silent"] = c.Silent,
        ["UpdateOutcome"] = c.Update?.Outcome.ToString(),
        ["UpdateVersion"] = c.Update?.Version,
        ["UpdatePreviousVersion"] = c.Update?.PreviousVersion,
        ["UpdateAtUtc"] = Offset(c.Update?.AtUtc),
        ["UpdateDetail"] = c.Update?.Detail,
        ["UninstalledUtc"] = Offset(c.UninstalledUtc),
        ["Silence"] = c.Silence is null ? null : JsonSerializer.Serialize(c.Silence, StateJson.Default.BranchSilence),
    };

    public static BranchContact ToContact(TableEntity e) => new()
    {
        LastContactUtc = Utc(e.GetDateTimeOffset("LastContactUtc")),
        ProbeVersion = e.GetString("ProbeVersion"),
        HostName = e.GetString("HostName"),
        LastRunUtc = Utc(e.GetDateTimeOffset("LastRunUtc")),
        LastManifestBlob = e.GetString("LastManifestBlob"),
        BaselineBlob = e.GetString("BaselineBlob"),
        Silent = e.GetBoolean("Silent") ?? false,
        Update = Enum.TryParse<UpdateOutcome>(e.GetString("UpdateOutcome"), out var outcome) && e.GetString("UpdateVersion") is { } version
            ? new UpdateReport
            {
                Outcome = outcome,
                Version = version,
                PreviousVersion = e.GetString("UpdatePreviousVersion"),
                AtUtc = Utc(e.GetDateTimeOffset("UpdateAtUtc")) ?? default,
                Detail = e.GetString("UpdateDetail"),
            }
            : null,
        UninstalledUtc = Utc(e.GetDateTimeOffset("UninstalledUtc")),
        Silence = e.GetString("Silence") is { Length: > 0 } silence ? JsonSerializer.Deserialize(silence, StateJson.Default.BranchSilence) : null,
    };

    public static TableEntity From(string pk, SetState s) => new(pk, Rows.Set(s.SetId))
    {
        ["SetId"] = s.SetId,
        ["Status"] = s.Status.ToString(),
        ["SinceUtc"] = Offset(s.SinceUtc),
        ["Reasons"] = JsonSerializer.Serialize(s.Reasons.ToList(), StateJson.Default.ListFindingRecord),
        ["Newest"] = s.Newest is null ? null : JsonSerializer.Serialize(s.Newest, StateJson.Default.BackupObservation),
        ["LastRunUtc"] = Offset(s.LastRunUtc),
        ["LastRunId"] = s.LastRunId,
        ["Recent"] = JsonSerializer.Serialize(s.RecentBackups.ToList(), StateJson.Default.ListBackupObservation),
        ["NextCheckDueUtc"] = Offset(s.NextCheckDueUtc),
    };

    public static SetState ToSetState(TableEntity e) => new()
    {
        SetId = e.GetString("SetId"),
        Status = TableBranchStateStore.Status(e.GetString("Status")),
        SinceUtc = Utc(e.GetDateTimeOffset("SinceUtc")),
        Reasons = e.GetString("Reasons") is { } r ? JsonSerializer.Deserialize(r, StateJson.Default.ListFindingRecord)! : [],
        Newest = e.GetString("Newest") is { } n ? JsonSerializer.Deserialize(n, StateJson.Default.BackupObservation) : null,
        LastRunUtc = Utc(e.GetDateTimeOffset("LastRunUtc")),
        LastRunId = e.GetGuid("LastRunId"),
        RecentBackups = e.GetString("Recent") is { } h ? JsonSerializer.Deserialize(h, StateJson.Default.ListBackupObservation)! : [],
        NextCheckDueUtc = Utc(e.GetDateTimeOffset("NextCheckDueUtc")),
    };

    public static TableEntity From(string pk, StatusChange c) => new(pk, Rows.Change(c.ChangeId))
    {
        ["ChangeId"] = c.ChangeId,
        ["BranchId"] = c.BranchId,
        ["SetId"] = c.SetId,
        ["Old"] = c.Old.ToString(),
        ["New"] = c.New.ToString(),
        ["Reasons"] = JsonSerializer.Serialize(c.Reasons.ToList(), StateJson.Default.ListFindingRecord),
        ["AtUtc"] = Offset(c.AtUtc),
        ["RunId"] = c.RunId,
        ["Notify"] = c.Notify,
        ["PreviousLastedSeconds"] = c.PreviousLasted?.TotalSeconds,
        ["Acknowledgement"] = c.Acknowledgement is null ? null : JsonSerializer.Serialize(c.Acknowledgement, StateJson.Default.FindingRecord),
        ["Silence"] = c.Silence is null ? null : JsonSerializer.Serialize(c.Silence, StateJson.Default.SilenceNote),
        ["Delivered"] = false,
        ["Notified"] = false,
    };

    public static StatusChange ToChange(TableEntity e) => new()
    {
        ChangeId = e.GetString("ChangeId"),
        BranchId = e.GetString("BranchId"),
        SetId = e.GetString("SetId"),
        Old = TableBranchStateStore.Status(e.GetString("Old")),
        New = TableBranchStateStore.Status(e.GetString("New")),
        Reasons = e.GetString("Reasons") is { } r ? JsonSerializer.Deserialize(r, StateJson.Default.ListFindingRecord)! : [],
        AtUtc = Utc(e.GetDateTimeOffset("AtUtc")) ?? default,
        RunId = e.GetGuid("RunId"),
        Notify = e.GetBoolean("Notify") ?? true,
        PreviousLasted = e.GetDouble("PreviousLastedSeconds") is { } s ? TimeSpan.FromSeconds(s) : null,
        Acknowledgement = e.GetString("Acknowledgement") is { } a ? JsonSerializer.Deserialize(a, StateJson.Default.FindingRecord) : null,
        Silence = e.GetString("Silence") is { Length: > 0 } n ? JsonSerializer.Deserialize(n, StateJson.Default.SilenceNote) : null,
    };

    public static TableEntity From(string pk, DayVerdict d) => new(pk, Rows.Day(d.Day, d.SetId))
    {
        ["SetId"] = d.SetId,
        ["Day"] = d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Status"] = d.Status.ToString(),
        ["RunUtc"] = Offset(d.RunUtc),
    };

    public static DayVerdict ToDay(TableEntity e) => new(
        e.GetString("SetId"),
        DateOnly.ParseExact(e.GetString("Day"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TableBranchStateStore.Status(e.GetString("Status")),
        Utc(e.GetDateTimeOffset("RunUtc")) ?? default);

    private static DateTimeOffset? Offset(DateTime? utc) => utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;
}
