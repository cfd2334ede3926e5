using System.Globalization;
using Microsoft.Extensions.Configuration;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Functions.Sheets;

namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>
/// The alert channels' settings: <c>Alerts__StormThreshold</c> (default 10), <c>Alerts__StormSettle</c> (default
/// 00:00:10: how long a storm's digest waits for the wave to settle), <c>Alerts__PermanentRetryEvery</c>
/// (default 00:15:00), <c>Alerts__SheetUrl</c> (default the Google spreadsheet's address), the flap and reminder
/// hygiene shared with the sheet, and <c>Alerts__ClockStartUtc</c> (tests only: the dispatcher's clock starts at
/// that instant and runs on from there, so a test can reach 08:00 without waiting for it). Each route's channel
/// is under <c>Alerts__Routes__{settings}__</c> (see <see cref="ConfiguredRouteChannels"/>).
/// </summary>
public static class AlertSettings
{
    public static AlertDispatchOptions Options(IConfiguration configuration)
    {
        var sheet = SheetSettings.Options(configuration);
        var threshold = configuration["Alerts:StormThreshold"] is { Length: > 0 } t
            ? int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : throw new InvalidOperationException($"Alerts:StormThreshold '{t}' is not a whole number of at least 1.")
            : 10;
        var retry = configuration["Alerts:PermanentRetryEvery"] is { Length: > 0 } r
            ? TimeSpan.TryParse(r, CultureInfo.InvariantCulture, out var every) && every > TimeSpan.Zero ? every : throw new InvalidOperationException($"Alerts:PermanentRetryEvery '{r}' is not a positive duration (hh:mm:ss).")
            : TimeSpan.FromMinutes(15);
        var settle = configuration["Alerts:StormSettle"] is { Length: > 0 } w
            ? TimeSpan.TryParse(w, CultureInfo.InvariantCulture, out var gather) && gather >= TimeSpan.Zero && gather <= TimeSpan.FromMinutes(10) ? gather : throw new InvalidOperationException($"Alerts:StormSettle '{w}' is not a duration from 00:00:00 to 00:10:00.")
            : TimeSpan.FromSeconds(10);
        Uri? sheetUrl = configuration["Alerts:SheetUrl"] is { Length: > 0 } u
            ? Uri.TryCreate(u, UriKind.Absolute, out var url) ? url : throw new InvalidOperationException($"Alerts:SheetUrl '{u}' is not an absolute address.")
            : configuration["GoogleSpreadsheetId"] is { Length: > 0 } id ? new Uri($"https://docs.google.com/spreadsheets/d/{Uri.EscapeDataString(id)}/edit") : null;
        return new AlertDispatchOptions { StormThreshold = threshold, StormSettle = settle, PermanentRetryEvery = retry, SheetUrl = sheetUrl, Hygiene = sheet.Hygiene };
    }

    /// <summary>The dispatcher's clock: the system's, or for tests one started at <c>Alerts:ClockStartUtc</c>.</summary>
    public static TimeProvider Clock(IConfiguration configuration, TimeProvider system)
    {
        if (configuration["Alerts:ClockStartUtc"] is not { Length: > 0 } start)
        {
            return system;
        }

        return DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new ShiftedClock(system, at - system.GetUtcNow())
            : throw new InvalidOperationException($"Alerts:ClockStartUtc '{start}' is not an instant (e.g. 2026-12-02T10:59:55Z).");
    }
}
