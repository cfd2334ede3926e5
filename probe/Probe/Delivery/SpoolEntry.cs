using System.Globalization;
using System.Text.RegularExpressions;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// One manifest waiting in the spool, as its file name tells it: <c>{finished}_{runId}_{branchId}.json.gz</c>, with
/// the run's finishing time UTC as <c>yyyyMMddTHHmmssfffZ</c> first so that names sort oldest first. The name carries
/// what a delivery needs besides the bytes (the run and branch headers), so no entry is opened to be listed.
/// </summary>
public sealed partial record SpoolEntry
{
    public const string Extension = ".json.gz";
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    [GeneratedRegex(@"^(?<time>[0-9]{8}T[0-9]{9}Z)_(?<run>[0-9a-f]{32})_(?<branch>[A-Za-z0-9][A-Za-z0-9._-]{0,63})\.json\.gz\z")]
    private static partial Regex NamePattern();

    public required string Path { get; init; }
    public required DateTime FinishedUtc { get; init; }
    public required Guid RunId { get; init; }
    public required string BranchId { get; init; }

    /// <summary>Compressed bytes, as listed.</summary>
    public required long Length { get; init; }

    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The file name a manifest is spooled under.</summary>
    public static string NameOf(Manifest manifest) =>
        $"{manifest.FinishedUtc.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture)}_{manifest.RunId:N}_{manifest.BranchId}{Extension}";

    /// <summary>The entry a file of the spool folder is; null for any other file (a temporary one, the drop record, the lock).</summary>
    public static SpoolEntry? Parse(FileInfo file)
    {
        var match = NamePattern().Match(file.Name);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["time"].Value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var finished))
        {
            return null;
        }

        return new SpoolEntry
        {
            Path = file.FullName,
            FinishedUtc = finished,
            RunId = Guid.ParseExact(match.Groups["run"].Value, "N"),
            BranchId = match.Groups["branch"].Value,
            Length = file.Length,
        };
    }
}
