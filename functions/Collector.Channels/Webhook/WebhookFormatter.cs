using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Channels.Webhook;

/// <summary>
/// The generic webhook's JSON, one versioned shape per kind of message (published next to this file as JSON
/// Schemas: <c>alert.v1.schema.json</c>, <c>digest.v1.schema.json</c>, <c>summary.v1.schema.json</c>), and its
/// signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes (UTF-8) keyed with the
/// route's secret, for the receiver to check before trusting the body. Texts come in both languages.
/// </summary>
public static class WebhookFormatter
{
    public const string AlertSchema = "monitoramentobkp.alert/v1";
    public const string DigestSchema = "monitoramentobkp.digest/v1";
    public const string SummarySchema = "monitoramentobkp.summary/v1";
    public const string SignatureHeader = "X-Bkp-Signature-256";
    public const string EventIdHeader = "X-Bkp-Event-Id";

    public static string Format(ChannelMessage message) => (message switch
    {
        Notification n => Alert(n, AlertSchema),
        StormDigest d => Digest(d),
        DailySummary s => Summary(s),
        _ => throw new ArgumentException($"No webhook shape for a {message.GetType().Name}.", nameof(message)),
    }).ToJsonString(Sending.ChannelJson.Options);

    /// <summary>"sha256=" + hex(HMAC-SHA256(secret, UTF-8 body)).</summary>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static JsonObject Alert(Notification n, string? schema)
    {
        var alert = new JsonObject();
        if (schema is not null)
        {
            alert["schema"] = schema;
        }

        alert["event"] = Name(n.Event.ToString());
        alert["eventId"] = n.EventId;
        alert["incidentId"] = n.IncidentId;
        alert["branch"] = Branch(n.BranchId, n.BranchName);
        alert["set"] = n.SetId;
        alert["status"] = Name(n.Status);
        alert["previous"] = Name(n.Previous);
        alert["reason"] = Reason(n.Reasons);
        alert["atUtc"] = Utc(n.AtUtc);
        alert["atLocal"] = Local(n.AtUtc, n.TimeZone);
        alert["sinceUtc"] = Utc(n.SinceUtc);
        alert["durationSeconds"] = n.Duration is { } d ? (long)d.TotalSeconds : null;
        alert["whatToDo"] = n.WhatToDo is { } todo ? Both(todo) : null;
        alert["timeZone"] = n.TimeZone.Id;
        alert["sheetUrl"] = n.SheetUrl?.AbsoluteUri;
        return alert;
    }

    private static JsonObject Digest(StormDigest d) => new()
    {
        ["schema"] = DigestSchema,
        ["eventId"] = d.EventId,
        ["route"] = d.Route,
        ["atUtc"] = Utc(d.AtUtc),
        ["atLocal"] = Local(d.AtUtc, d.TimeZone),
        ["timeZone"] = d.TimeZone.Id,
        ["count"] = d.Notifications.Count,
        ["counts"] = new JsonObject(d.CountsByStatus.Select(c => KeyValuePair.Create(Name(c.Status), (JsonNode?)c.Count))),
        ["alerts"] = new JsonArray([.. d.WorstFirst.Select(n => (JsonNode)Alert(n, null))]),
        ["sheetUrl"] = d.SheetUrl?.AbsoluteUri,
    };

    private static JsonObject Summary(DailySummary s) => new()
    {
        ["schema"] = SummarySchema,
        ["eventId"] = s.EventId,
        ["route"] = s.Route,
        ["day"] = s.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["atUtc"] = Utc(s.AtUtc),
        ["atLocal"] = Local(s.AtUtc, s.TimeZone),
        ["timeZone"] = s.TimeZone.Id,
        ["counts"] = new JsonObject
        {
            ["ok"] = s.Counts.Ok,
            ["warning"] = s.Counts.Warning,
            ["failed"] = s.Counts.Failed,
            ["missed"] = s.Counts.Missed,
            ["silent"] = s.Counts.Silent,
        },
        ["problems"] = new JsonArray([.. s.ProblemsWorstFirst.Select(p => (JsonNode)new JsonObject
        {
            ["branch"] = Branch(p.BranchId, p.BranchName),
            ["set"] = p.SetId,
            ["status"] = Name(p.Status),
            ["sinceUtc"] = Utc(p.SinceUtc),
            ["sinceLocal"] = Local(p.SinceUtc, p.TimeZone),
            ["timeZone"] = p.TimeZone.Id,
            ["reason"] = Reason(p.Reasons),
        })]),
        ["recovered"] = new JsonArray([.. s.RecoveredLatestFirst.Select(r => (JsonNode)new JsonObject
        {
            ["branch"] = Branch(r.BranchId, r.BranchName),
            ["set"] = r.SetId,
            ["resolvedUtc"] = Utc(r.ResolvedUtc),
            ["resolvedLocal"] = Local(r.ResolvedUtc, r.TimeZone),
            ["timeZone"] = r.TimeZone.Id,
            ["durationSeconds"] = r.Lasted is { } d ? (long)d.TotalSeconds : null,
        })]),
        ["probes"] = new JsonArray([.. s.Probes.OrderBy(p => p.BranchId, StringComparer.OrdinalIgnoreCase).Select(p => (JsonNode)new JsonObject
        {
            ["branch"] = Branch(p.BranchId, p.BranchName),
            ["version"] = p.Version,
            ["updateFailed"] = p.UpdateFailed,
            ["detail"] = p.Detail,
        })]),
        ["sheetUrl"] = s.SheetUrl?.AbsoluteUri,
    };

    private static JsonObject Branch(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static JsonObject Reason(IReadOnlyList<FindingRecord> reasons) =>
        Both(new Text(string.Join(" • ", reasons.Select(r => r.Pt)), string.Join(" • ", reasons.Select(r => r.En))));

    private static JsonObject Both(Text text) => new() { ["pt-BR"] = text.Pt, ["en"] = text.En };

    private static string Name(SetStatus status) => Name(status.ToString());

    private static string Name(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc, TimeZoneInfo zone)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
