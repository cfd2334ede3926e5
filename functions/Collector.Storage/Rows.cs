using System.Globalization;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// Row keys inside a branch's partition. One partition per branch holds everything that must change together
/// (the branch row, its sets, the status changes, the day grid, the applied-run markers), so one entity-group
/// transaction commits a manifest's effect whole, and the branch row's ETag versions it all.
/// </summary>
internal static class Rows
{
    public const string Branch = "branch";
    public const string SetPrefix = "set|";
    public const string ChangePrefix = "change|";
    public const string DayPrefix = "day|";
    public const string RunPrefix = "run|";

    /// <summary>The character after '|', closing a prefix range (RowKey ge 'set|' and lt 'set}').</summary>
    public const string PrefixEnd = "}";

    public static string Partition(string branchId) => branchId.ToUpperInvariant();

    public static string Set(string setId) => SetPrefix + setId;

    public static string Change(string changeId) => ChangePrefix + changeId;

    public static string Day(DateOnly day, string setId) => $"{DayPrefix}{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{setId}";

    public static string Run(Guid runId) => RunPrefix + runId.ToString("N");
}
