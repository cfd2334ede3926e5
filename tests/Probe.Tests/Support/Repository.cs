namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>Where the repository is, found from the test's own folder.</summary>
public static class Repository
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MonitoramentoBKP.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No MonitoramentoBKP.sln above {AppContext.BaseDirectory}");
    }
}
