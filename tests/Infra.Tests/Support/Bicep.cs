using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Infra.Tests.Support;

/// <summary>
/// The Bicep compiler restored from NuGet (Azure.Bicep.CommandLine.linux-x64), and the compiled ARM templates of
/// infra/, each compiled once per test run.
/// </summary>
public static class Bicep
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonObject>> Compiled = new();

    public static string Executable { get; } = Locate();

    public static string InfraFolder => Repository.PathOf("infra");

    /// <summary>Every .bicep and .bicepparam file under infra/, relative to it.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(InfraFolder, "*.bicep*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(InfraFolder, f))
            .Order(StringComparer.Ordinal);

    public static Tool.Result Run(params string[] arguments) => Tool.Run(Executable, arguments, InfraFolder);

    /// <summary>The ARM template of infra/<paramref name="file"/>, with its modules nested as Bicep compiles them.</summary>
    public static JsonObject Template(string file = "main.bicep") =>
        Compiled.GetOrAdd(file, f => new Lazy<JsonObject>(() =>
        {
            var result = Run("build", f, "--stdout");
            Assert.True(result.ExitCode == 0, $"bicep build {f}: {result}");
            return JsonNode.Parse(result.Output)!.AsObject();
        })).Value;

    /// <summary>The parameters file infra/<paramref name="file"/> compiled (bicep build-params).</summary>
    public static JsonObject Parameters(string file)
    {
        var result = Run("build-params", file, "--stdout");
        Assert.True(result.ExitCode == 0, $"bicep build-params {file}: {result}");
        var parameters = JsonNode.Parse(result.Output)!["parametersJson"]!.GetValue<string>();
        return JsonNode.Parse(parameters)!.AsObject();
    }

    private static string Locate()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 package is not at '{path}'; restore the test project.");
        }

        // NuGet extracts files without their execute bit on some systems.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
