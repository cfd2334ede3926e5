using System.Text.Json;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// The update's files in the state folder, each written whole or not at all (<see cref="AtomicFile"/>): the journal
/// (<see cref="UpdateJournal"/>), the history (<see cref="UpdateHistory"/>), the latest update event
/// (<c>update-report.json</c>), which every manifest carries, and the key rotation last seen (<see cref="KeyListSeen"/>).
/// </summary>
public static class UpdateStore
{
    public const string ReportFileName = "update-report.json";

    /// <summary>The journal; null when no update ever started here, or when it cannot be read (then there is nothing to complete).</summary>
    public static UpdateJournal? ReadJournal(string stateDirectory) => Read(UpdateJournal.PathIn(stateDirectory), UpdateJsonContext.Default.UpdateJournal);

    /// <summary>Throws IOException/UnauthorizedAccessException: a step that cannot be journalled is not taken.</summary>
    public static void WriteJournal(string stateDirectory, UpdateJournal journal) =>
        AtomicFile.Write(UpdateJournal.PathIn(stateDirectory), JsonSerializer.SerializeToUtf8Bytes(journal, UpdateJsonContext.Default.UpdateJournal));

    public static void DeleteJournal(string stateDirectory) => File.Delete(UpdateJournal.PathIn(stateDirectory));

    public static UpdateHistory ReadHistory(string stateDirectory) =>
        Read(Path.Combine(stateDirectory, UpdateHistory.FileName), UpdateJsonContext.Default.UpdateHistory) ?? new UpdateHistory();

    /// <summary>The highest version ever accepted; null when none was, or what is kept does not parse.</summary>
    public static ReleaseVersion? HighestAccepted(string stateDirectory) =>
        ReleaseVersion.TryParse(ReadHistory(stateDirectory).HighestAccepted, out var version) ? version : null;

    /// <summary>Raises the highest accepted version to <paramref name="version"/>; never lowers it. Throws when it cannot be kept.</summary>
    public static void RaiseHighest(string stateDirectory, ReleaseVersion version)
    {
        var history = ReadHistory(stateDirectory);
        if (ReleaseVersion.TryParse(history.HighestAccepted, out var highest) && highest >= version)
        {
            return;
        }

        WriteHistory(stateDirectory, history with { HighestAccepted = version.Text });
    }

    /// <summary>Remembers <paramref name="version"/> as one never to install again.</summary>
    public static void MarkBad(string stateDirectory, string version)
    {
        var history = ReadHistory(stateDirectory);
        if (!history.BadVersions.Contains(version, StringComparer.Ordinal))
        {
            WriteHistory(stateDirectory, history with { BadVersions = [.. history.BadVersions.TakeLast(49), version] });
        }
    }

    public static bool IsBad(string stateDirectory, ReleaseVersion version) =>
        ReadHistory(stateDirectory).BadVersions.Any(v => ReleaseVersion.TryParse(v, out var bad) && bad == version);

    /// <summary>The latest update event, for the manifest and status; null when there never was one.</summary>
    public static UpdateReport? ReadReport(string stateDirectory) =>
        Read(Path.Combine(stateDirectory, ReportFileName), UpdateJsonContext.Default.UpdateReport);

    /// <summary>Keeps the latest event; false when it could not be written (the event is still told on the console).</summary>
    public static bool WriteReport(string stateDirectory, UpdateReport report) =>
        AtomicFile.TryWrite(Path.Combine(stateDirectory, ReportFileName), JsonSerializer.SerializeToUtf8Bytes(report, UpdateJsonContext.Default.UpdateReport));

    /// <summary>The key rotation last fetched and judged; null when none was, or what is kept cannot be read (then it is fetched whole again).</summary>
    public static KeyListSeen? ReadKeysSeen(string stateDirectory) =>
        Read(Path.Combine(stateDirectory, KeyListSeen.FileName), UpdateJsonContext.Default.KeyListSeen);

    /// <summary>Remembers the key rotation judged; false when it could not be written (it is fetched and judged again next time).</summary>
    public static bool WriteKeysSeen(string stateDirectory, KeyListSeen seen) =>
        AtomicFile.TryWrite(Path.Combine(stateDirectory, KeyListSeen.FileName), JsonSerializer.SerializeToUtf8Bytes(seen, UpdateJsonContext.Default.KeyListSeen));

    private static void WriteHistory(string stateDirectory, UpdateHistory history) =>
        AtomicFile.Write(Path.Combine(stateDirectory, UpdateHistory.FileName), JsonSerializer.SerializeToUtf8Bytes(history, UpdateJsonContext.Default.UpdateHistory));

    private static T? Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), type);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
