using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Collector.Silencing;

/// <summary>The body of POST /api/branches/{id}/silence: <c>until</c> and <c>reason</c>, optionally <c>from</c> and <c>sets</c>.</summary>
public sealed partial record SilenceRequest
{
    public string? Until { get; init; }
    public string? From { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string>? Sets { get; init; }

    /// <summary>An ISO 8601 instant with its offset ("2026-12-05T18:00:00-03:00", "2026-12-05T21:00:00Z"), as UTC.</summary>
    public static bool TryInstant(string text, out DateTime utc)
    {
        utc = default;
        if (!InstantPattern().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return false;
        }

        utc = at.UtcDateTime;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantPattern();
}
