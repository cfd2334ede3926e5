using System.Reflection;
using MonitoramentoBKP.Probe.Configuration;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>What every command does the same way: load settings and turn a refusal into one line and exit code 2.</summary>
public static class CommandSupport
{
    public static string Version { get; } =
        typeof(CommandSupport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static ProbeConfig? LoadConfig(ConfigOverrides overrides, out int exitCode)
    {
        try
        {
            exitCode = ExitCodes.Ok;
            return ConfigLoader.Load(overrides, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"bkp-probe: {e.Message}");
            exitCode = ExitCodes.BadConfiguration;
            return null;
        }
    }
}
