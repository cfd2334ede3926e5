using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// One alert as every channel tells it: which branch and set, what happened (the alert row's event), how it stands
/// and stood before, why, since when, what to do, with the alert's id as <see cref="ChannelMessage.EventId"/> and
/// its incident's id (the row id without ".n") so the messages of one incident can be threaded together.
/// </summary>
public sealed record Notification : ChannelMessage
{
    public required string IncidentId { get; init; }

    /// <summary>The row's number within its incident: 1 for the message that opened it.</summary>
    public required int Sequence { get; init; }

    public required AlertEvent Event { get; init; }
    public required string BranchId { get; init; }
    public required string BranchName { get; init; }
    public required string SetId { get; init; }
    public required SetStatus Status { get; init; }
    public SetStatus Previous { get; init; }
    public IReadOnlyList<FindingRecord> Reasons { get; init; } = [];
    public required DateTime AtUtc { get; init; }
    public required DateTime SinceUtc { get; init; }

    /// <summary>How long the problem lasted (resolved) or has lasted so far (reminder).</summary>
    public TimeSpan? Duration { get; init; }

    public Text? WhatToDo { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The event id of the incident's first message, the one later messages reply to.</summary>
    public string FirstEventId => $"{IncidentId}.1";

    /// <exception cref="ArgumentException">The row's id is not "{incident}.{n}" with n a positive number.</exception>
    public static Notification From(AlertRow row, NotificationContext context)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(context);
        var dot = row.AlertId.LastIndexOf('.');
        if (dot <= 0 || !int.TryParse(row.AlertId.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            throw new ArgumentException($"Alert id \"{row.AlertId}\" is not \"{{branch}}/{{set}}/{{opened}}.{{n}}\": the incident and the row's number in it are needed to thread its messages.", nameof(row));
        }

        return new Notification
        {
            EventId = row.AlertId,
            IncidentId = row.AlertId[..dot],
            Sequence = sequence,
            Event = row.Event,
            BranchId = row.BranchId,
            BranchName = context.BranchName,
            SetId = row.SetId,
            Status = row.Status,
            Previous = row.Previous,
            Reasons = row.Reasons,
            AtUtc = row.AtUtc,
            SinceUtc = context.SinceUtc,
            Duration = row.Duration,
            WhatToDo = context.WhatToDo,
            TimeZone = context.TimeZone,
            SheetUrl = context.SheetUrl,
            Language = context.Language,
        };
    }
}
