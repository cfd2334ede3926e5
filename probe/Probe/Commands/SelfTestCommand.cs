using System.CommandLine;
using System.Security.Cryptography;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe self-test --config CFG</c> (hidden): what the updater runs on a staged version before it may replace
/// the current one. It starts, loads the configuration and the branch's key, signs a test request and checks the
/// signature (no network), scans an empty temporary folder (with a temporary state folder: the real cache, lock and
/// spool are not touched), then prints its version and exits 0.
/// </summary>
public static class SelfTestCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("self-test", "Autoteste de uma versão baixada / self-test of a downloaded version") { Hidden = true };
        common.AddTo(command);
        command.SetAction(parse => Run(common.Read(parse)));
        return command;
    }

    private static int Run(ConfigOverrides overrides)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit, requireCollector: false, setsRequired: false);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        ECDsa key;
        try
        {
            key = new ProbeKeyStore(messages).Load(config.KeyFile);
        }
        catch (ProbeKeyException e)
        {
            Console.Error.WriteLine($"bkp-probe: {e.Message}");
            return ExitCodes.BadConfiguration;
        }

        using (key)
        {
            var signer = new ProbeSigner(key, config.BranchId, ClockOffset.Unsaved(), TimeProvider.System);
            var target = new Uri(new Uri((config.CollectorUrl ?? new Uri("https://collector.invalid/")).AbsoluteUri.TrimEnd('/') + "/"), ProbeApi.UpdatePath);
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            var digest = ContentDigest.Of([]);
            signer.Sign(request, digest);
            if (!SignatureInput.TryParse(Header(request, MessageSignature.SignatureInputHeaderName), Header(request, MessageSignature.SignatureHeaderName), out var parsed, out var reason)
                || !MessageSignature.Verify(key, parsed, "GET", target.AbsoluteUri, digest, config.BranchId))
            {
                Console.Error.WriteLine($"bkp-probe: self-test: the test request's signature does not verify ({reason})");
                return ExitCodes.InternalError;
            }
        }

        var temporary = Directory.CreateTempSubdirectory("bkp-self-test-");
        try
        {
            var empty = Directory.CreateDirectory(Path.Combine(temporary.FullName, "empty")).FullName;
            var scanConfig = config with
            {
                StateDirectory = Directory.CreateDirectory(Path.Combine(temporary.FullName, "state")).FullName,
                Sets = [new BackupSetConfig { Id = "self-test", Root = empty, Include = [Glob.All], Exclude = [] }],
            };
            var result = new ScanSession(LocalFileSystem.Instance, TimeProvider.System).Run(scanConfig, new ScanOptions { ProbeVersion = CommandSupport.Version }, new ScanProgress());
            if (result is null || result.Manifest.Sets is not [{ Exists: true, Readable: true, FileCount: 0 }])
            {
                Console.Error.WriteLine("bkp-probe: self-test: the scan of an empty folder did not report one empty, readable set");
                return ExitCodes.InternalError;
            }
        }
        finally
        {
            temporary.Delete(recursive: true);
        }

        Console.Out.WriteLine(CommandSupport.Version);
        return ExitCodes.Ok;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
