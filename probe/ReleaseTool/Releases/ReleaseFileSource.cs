namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>
/// One executable to put in a release, from <c>--file RUNTIME=PATH</c>: its runtime, where it is, and the plain
/// name it is served under (the file's own name).
/// </summary>
public sealed record ReleaseFileSource(string Runtime, string Path, string Name)
{
    /// <summary>
    /// Reads every <c>--file</c> and refuses, naming the argument: a missing '=', an unknown runtime, a file that is
    /// not there or is empty or too large, a name that cannot be served, two files for one runtime, two files of
    /// one name (files are served by name, whatever their runtime).
    /// </summary>
    public static IReadOnlyList<ReleaseFileSource> ParseAll(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
        {
            throw ReleaseToolException.BadInput($"--file: a release needs at least one executable, as --file RUNTIME=PATH (runtimes: {string.Join(", ", ReleaseNames.Runtimes)}).");
        }

        var sources = new List<ReleaseFileSource>();
        foreach (var argument in arguments)
        {
            var source = Parse(argument);
            if (sources.FirstOrDefault(s => s.Runtime == source.Runtime) is { } sameRuntime)
            {
                throw ReleaseToolException.BadInput($"--file {argument}: {source.Runtime} already has {sameRuntime.Path}; a release has one executable per runtime.");
            }

            if (sources.FirstOrDefault(s => string.Equals(s.Name, source.Name, StringComparison.OrdinalIgnoreCase)) is { } sameName)
            {
                throw ReleaseToolException.BadInput($"--file {argument}: the release already has a file named '{sameName.Name}' (for {sameName.Runtime}); files are served by name, so give each runtime's executable its own name (for example copy it to {System.IO.Path.GetFileNameWithoutExtension(source.Name)}-{source.Runtime}{System.IO.Path.GetExtension(source.Name)}).");
            }

            sources.Add(source);
        }

        return sources;
    }

    private static ReleaseFileSource Parse(string argument)
    {
        var where = $"--file {argument}";
        var eq = argument.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == argument.Length - 1)
        {
            throw ReleaseToolException.BadInput($"{where}: expected RUNTIME=PATH, such as linux-x64=artifacts/probe/linux-x64/bkp-probe.");
        }

        var runtime = ReleaseNames.Runtime(argument[..eq], where);
        var path = System.IO.Path.GetFullPath(argument[(eq + 1)..]);
        var name = System.IO.Path.GetFileName(path);
        if (!ReleaseNames.IsFileName(name))
        {
            throw ReleaseToolException.BadInput($"{where}: '{name}' cannot name a release file: letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 64, and not {ReleaseNames.DocumentName}.");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw ReleaseToolException.BadInput($"{where}: there is no file {path}.");
        }

        if (info.Length == 0)
        {
            throw ReleaseToolException.BadInput($"{where}: {path} is empty; that is not a published bkp-probe.");
        }

        if (info.Length > ReleaseNames.MaxFileLength)
        {
            throw ReleaseToolException.BadInput($"{where}: {path} is {info.Length:N0} bytes; a release file is at most {ReleaseNames.MaxFileLength:N0}.");
        }

        return new ReleaseFileSource(runtime, path, name);
    }
}
