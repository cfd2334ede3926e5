using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// The last runs and their outcome, one JSON line each in <c>runs.jsonl</c> in the state folder, the newest
/// <see cref="Kept"/>; rewritten through a temporary file, so a crash leaves the old list or the new one.
/// </summary>
public static class RunLog
{
    public const string FileName = "runs.jsonl";
    public const int Kept = 20;

    public static void Append(string stateDirectory, RunRecord record)
    {
        var path = Path.Combine(stateDirectory, FileName);
        var lines = Read(stateDirectory).Append(record).TakeLast(Kept).Select(r => JsonSerializer.Serialize(r, RunLogJsonContext.Default.RunRecord));

        // The log is for people; a run is not failed for it.
        AtomicFile.TryWrite(path, new UTF8Encoding(false).GetBytes(string.Join('\n', lines) + "\n"));
    }

    /// <summary>The runs kept, oldest first; a line that does not read is skipped.</summary>
    public static IReadOnlyList<RunRecord> Read(string stateDirectory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(stateDirectory, FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var records = new List<RunRecord>();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, RunLogJsonContext.Default.RunRecord) is { } record)
                {
                    records.Add(record);
                }
            }
            catch (JsonException)
            {
            }
        }

        return records;
    }
}
