using System.CommandLine;
using System.Globalization;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Output;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary><c>bkp-probe scan</c>: local only; inventories and hashes the sets and prints or writes the manifest.</summary>
public static class ScanCommand
{
    public static Command Create(CommonOptions common)
    {
        var json = new Option<bool>("--json") { Description = "Escreve o manifesto JSON na saída padrão / write the manifest JSON to stdout" };
        var output = new Option<string?>("--output", "-o") { Description = "Grava o manifesto neste arquivo / write the manifest to this file" };
        var verifyAll = new Option<bool>("--verify-all") { Description = "Relê e recalcula o hash de todos os arquivos / re-hash every file" };
        var timings = new Option<bool>("--timings") { Description = "Mostra tempos e bytes lidos no stderr / print timings and bytes read to stderr" };

        var command = new Command("scan", "Inventaria e calcula o hash dos backups, sem rede / inventory and hash the backups, no network")
        {
            json, output, verifyAll, timings,
        };
        common.AddTo(command);
        command.SetAction(parse => Run(
            common.Read(parse),
            parse.GetValue(json),
            parse.GetValue(output),
            parse.GetValue(verifyAll),
            parse.GetValue(timings)));
        return command;
    }

    private static int Run(ConfigOverrides overrides, bool json, string? output, bool verifyAll, bool timings)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        var progress = new ScanProgress();
        var interactive = !Console.IsErrorRedirected;
        ScanResult? result;
        using (interactive ? new ProgressRenderer(progress, messages, Console.Error) : null)
        {
            result = new ScanSession(LocalFileSystem.Instance, TimeProvider.System).Run(
                config,
                new ScanOptions { VerifyAll = verifyAll, ProbeVersion = CommandSupport.Version },
                progress);
        }

        if (result is null)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.AlreadyRunning(config.StateDirectory)}");
            return ExitCodes.AlreadyRunning;
        }

        if (result.Manifest.Cache.Status == Contracts.CacheStatus.Rebuilt)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.CacheRebuilt(result.Manifest.Cache.Detail ?? "")}");
        }

        if (timings)
        {
            PrintTimings(result, progress);
        }

        if (output is not null)
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

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            ManifestWriter.Write(result.Manifest, stdout);
            stdout.WriteByte((byte)'\n');
        }
        else if (!Console.IsOutputRedirected)
        {
            SummaryPrinter.Print(result.Manifest, result.Statistics, messages, Console.Out);
        }

        return SummaryPrinter.HasProblems(result.Manifest) ? ExitCodes.ProblemsFound : ExitCodes.Ok;
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
