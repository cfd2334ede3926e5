using MonitoramentoBKP.LocalHost.LocalSheet;

namespace MonitoramentoBKP.LocalHost;

/// <summary>Where the local sheet's CSV files go: the LocalSheetFolder setting, or ./local-sheet under the working directory.</summary>
public static class LocalSheetFolder
{
    /// <summary>With <paramref name="fresh"/> (state kept in memory, so it starts empty) the previous run's files are removed, so the sheet agrees with the state.</summary>
    public static LocalSheetWriter Open(IConfiguration configuration, bool fresh)
    {
        var folder = Path.GetFullPath(configuration["LocalSheetFolder"] is { Length: > 0 } configured ? configured : "local-sheet", Environment.CurrentDirectory);
        if (fresh && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
            {
                File.Delete(file);
            }
        }

        return new LocalSheetWriter(folder);
    }
}
