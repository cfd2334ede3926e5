namespace MonitoramentoBKP.Benchmarks;

/// <summary>Finds the comparison tools on PATH; a missing one makes its figures "n/a" rather than stopping the run.</summary>
public sealed class ToolBox
{
    public const string GnuTime = "/usr/bin/time";

    private readonly Dictionary<string, string?> _resolved = new(StringComparer.Ordinal);

    public string Resolve(string name)
    {
        if (!_resolved.TryGetValue(name, out var path))
        {
            path = name.Contains('/', StringComparison.Ordinal) ? (IsExecutable(name) ? name : null) : Search(name);
            _resolved[name] = path;
        }

        return path ?? name;
    }

    public bool IsAvailable(string nameOrPath) => IsExecutable(Resolve(nameOrPath));

    public IReadOnlyList<ToolInfo> Describe() =>
    [
        Info("openssl", "version"),
        Info("sha256sum", "--version"),
        Info("b3sum", "--version"),
        Info("hashdeep", "-V"),
        Info("find", "--version"),
        Info(GnuTime, "--version"),
    ];

    private ToolInfo Info(string name, string versionArgument)
    {
        var path = Resolve(name);
        return IsExecutable(path)
            ? new ToolInfo(name, path, ToolRunner.FirstLine(path, versionArgument) ?? "?")
            : new ToolInfo(name, null, null);
    }

    private static string? Search(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
