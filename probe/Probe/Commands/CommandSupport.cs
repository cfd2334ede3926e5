using System.Globalization;
using System.Reflection;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Output;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>What every command does the same way: load settings (a refusal is one line and exit code 2), scan, keep the manifest locally.</summary>
public static class CommandSupport
{
    public static string Version { get; } =
        typeof(CommandSupport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static ProbeConfig? LoadConfig(ConfigOverrides overrides, out int exitCode, bool requireCollector = false, bool? setsRequired = null)
    {
        try
        {
            exitCode = ExitCodes.Ok;
            var config = ConfigLoader.Load(overrides, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), setsRequired ?? !requireCollector);
            if (requireCollector)
            {
                ConfigLoader.RequireCollectorUrl(config);
            }

            return config;
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"bkp-probe: {e.Message}");
            exitCode = ExitCodes.BadConfiguration;
            return null;
        }
    }

    /// <summary>Scans with the progress line for a person watching; null (already reported) when another run holds the state folder.</summary>
    public static ScanResult? Scan(ProbeConfig config, ScanChoices choices, Messages messages)
    {
        var progress = new ScanProgress();
        ScanResult? result;
        using (Console.IsErrorRedirected ? null : new ProgressRenderer(progress, messages, Console.Error))
        {
            result = new ScanSession(LocalFileSystem.Instance, TimeProvider.System).Run(
                config,
                new ScanOptions { VerifyAll = choices.VerifyAll, ProbeVersion = Version },
                progress);
        }

        if (result is null)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.AlreadyRunning(config.StateDirectory)}");
            return null;
        }

        if (result.Manifest.Cache.Status == Contracts.CacheStatus.Rebuilt)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.CacheRebuilt(result.Manifest.Cache.Detail ?? "")}");
        }

        if (choices.Timings)
        {
            PrintTimings(result, progress);
        }

        return result;
    }

    /// <summary>Writes the manifest to --output and/or stdout (--json) when asked; <see cref="ExitCodes.OutputFailed"/> (reported) when the file could not be written.</summary>
    public static int WriteManifest(ScanResult result, ScanChoices choices, Messages messages)
    {
        if (choices.Output is { } output)
        {
            try
            {
                ManifestWriter.WriteFile(result.Manifest, output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"bkp-probe: {messages.CannotWriteOutput(output, e.Message)}");
                return ExitCodes.OutputFailed;
            }
        }

        if (choices.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            ManifestWriter.Write(result.Manifest, stdout);
            stdout.WriteByte((byte)'\n');
        }

        return ExitCodes.Ok;
    }

    private static void PrintTimings(ScanResult result, ScanProgress progress)
    {
        var s = result.Statistics;
        var inv = CultureInfo.InvariantCulture;
        Console.Error.WriteLine(string.Create(inv, $"timings: filesListed={s.FilesListed} filesHashed={s.FilesHashed} bytesHashed={s.BytesHashed} filesFromCache={s.FilesFromCache} filesReverified={s.FilesReverified} contentBytesRead={s.ContentBytesRead} scanSeconds={s.Elapsed.TotalSeconds:F4} walkSeconds={s.Walk.TotalSeconds:F4} hashSeconds={s.Hash.TotalSeconds:F4} cacheLoadSeconds={s.CacheLoad.TotalSeconds:F4} cacheSaveSeconds={s.CacheSave.TotalSeconds:F4}"));
        if (progress.FirstByteUtc is { } first)
        {
            Console.Error.WriteLine(string.Create(inv, $"timings: firstByteUnixMs={(first - DateTime.UnixEpoch).TotalMilliseconds:F3}"));
        }
    }
}
