using Microsoft.Extensions.Configuration;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Google;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Functions.Sheets;

/// <summary>
/// The sheet's settings: SheetLanguage (pt, default, or en), SheetTimeZone (IANA, default America/Sao_Paulo),
/// GoogleSpreadsheetId, GoogleServiceAccountKey (the key's JSON, e.g. a Key Vault reference) or
/// GoogleServiceAccountKeyFile (a path), and GoogleSheetsBaseUri (tests only).
/// </summary>
public static class SheetSettings
{
    public static SheetOptions Options(IConfiguration configuration)
    {
        var zone = configuration["SheetTimeZone"] is { Length: > 0 } id ? id : "America/Sao_Paulo";
        TimeZoneInfo headerZone;
        try
        {
            headerZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"SheetTimeZone '{zone}' is not a known time zone; use an IANA id such as America/Sao_Paulo.", e);
        }

        return new SheetOptions
        {
            Language = SheetLanguage.From(configuration["SheetLanguage"]),
            HeaderZone = headerZone,
            Hygiene = new AlertHygiene
            {
                FlapWindow = Duration(configuration, "AlertFlapWindow", TimeSpan.FromHours(1)),
                ReminderEvery = Duration(configuration, "AlertReminderEvery", TimeSpan.FromDays(1)),
            },
        };
    }

    /// <summary>The Google settings, or null when no spreadsheet is configured.</summary>
    public static GoogleSheetOptions? Google(IConfiguration configuration)
    {
        if (configuration["GoogleSpreadsheetId"] is not { Length: > 0 } spreadsheet)
        {
            return null;
        }

        // A key that is empty or bad is reported by the sheet's delivery (GET /api/status), so ingest keeps running.
        var key = configuration["GoogleServiceAccountKey"];
        if (string.IsNullOrWhiteSpace(key) && configuration["GoogleServiceAccountKeyFile"] is { Length: > 0 } file)
        {
            key = File.Exists(file) ? File.ReadAllText(file) : throw new InvalidOperationException($"GoogleServiceAccountKeyFile '{file}' does not exist.");
        }

        var options = new GoogleSheetOptions { SpreadsheetId = spreadsheet, ServiceAccountKeyJson = key ?? "" };
        return configuration["GoogleSheetsBaseUri"] is { Length: > 0 } baseUri ? options with { BaseUri = new Uri(baseUri) } : options;
    }

    private static TimeSpan Duration(IConfiguration configuration, string name, TimeSpan fallback) =>
        configuration[name] is not { Length: > 0 } text ? fallback
        : TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new InvalidOperationException($"{name} '{text}' is not a positive duration (d.hh:mm:ss, e.g. 01:00:00).");
}
