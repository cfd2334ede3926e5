namespace MonitoramentoBKP.Infra.Tests.Support;

/// <summary>The checkout the tests run in: found by walking up from the test binaries to the solution file.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "MonitoramentoBKP.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException($"No MonitoramentoBKP.sln above {AppContext.BaseDirectory}.");
        }

        return directory.FullName;
    }
}
